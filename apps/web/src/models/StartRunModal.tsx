import type { TModelSummary } from '@procura/server/models/schema';
import { Form, Select } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useDatasets, useStartRun } from './api.ts';

/** 运行模型: one data set per input, newest of its kind preselected (once the data sets are loaded). */
export function StartRunModal({
  model,
  open,
  onClose,
}: {
  model: TModelSummary;
  open: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const datasets = useDatasets(undefined, open);
  const start = useStartRun();
  const optionsOf = (kind: string) =>
    (datasets.data?.items ?? [])
      .filter((d) => d.kind === kind)
      .map((d) => ({
        value: d.id,
        label: `${d.fileName}（${d.rowsCleaned} 行，${formatDateTime(d.uploadedAt)}）`,
      }));

  return (
    <FormModal
      title={`运行模型：${model.name}`}
      open={open}
      onClose={onClose}
      mutation={start}
      toBody={(values: Record<string, number>) => ({ modelId: model.id, datasets: values })}
      onDone={(run) => navigate(`/models/runs/${run.id}`)}
      testId="start-run"
      okText="开始运行"
      width={520}
    >
      {datasets.data &&
        model.inputs.map((input) => (
          <Form.Item
            key={input.role}
            name={input.role}
            label={input.label}
            initialValue={optionsOf(input.kind)[0]?.value}
            rules={[{ required: true, message: `请选择「${input.label}」数据集（先在“数据集”页上传）` }]}
          >
            <Select
              options={optionsOf(input.kind)}
              data-testid={`run-input-${input.role}`}
              placeholder="选择数据集"
            />
          </Form.Item>
        ))}
    </FormModal>
  );
}
