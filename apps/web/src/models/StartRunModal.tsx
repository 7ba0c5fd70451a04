import type { TModelSummary } from '@procura/server/models/schema';
import { Alert, Form, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useDatasets, useStartRun } from './api.ts';

/** 运行模型: one data set per input, newest of its kind preselected. */
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
  const [form] = Form.useForm<Record<string, number>>();
  const optionsOf = (kind: string) =>
    (datasets.data?.items ?? [])
      .filter((d) => d.kind === kind)
      .map((d) => ({
        value: d.id,
        label: `${d.fileName}（${d.rowsCleaned} 行，${formatDateTime(d.uploadedAt)}）`,
      }));
  const initial = Object.fromEntries(
    model.inputs.flatMap((input) => {
      const first = optionsOf(input.kind)[0];
      return first ? [[input.role, first.value]] : [];
    }),
  );

  return (
    <Modal
      open={open}
      title={`运行模型：${model.name}`}
      okText="开始运行"
      okButtonProps={{ 'data-testid': 'start-run-submit' }}
      confirmLoading={start.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then((values) =>
          start.mutate(
            { modelId: model.id, datasets: values },
            {
              onSuccess: (run) => {
                onClose();
                navigate(`/models/runs/${run.id}`);
              },
            },
          ),
        )
      }
    >
      {datasets.data && (
        <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
          {model.inputs.map((input) => (
            <Form.Item
              key={input.role}
              name={input.role}
              label={input.label}
              rules={[{ required: true, message: `请选择「${input.label}」数据集（先在“数据集”页上传）` }]}
            >
              <Select
                options={optionsOf(input.kind)}
                data-testid={`run-input-${input.role}`}
                placeholder="选择数据集"
              />
            </Form.Item>
          ))}
        </Form>
      )}
      {start.error && <Alert type="error" showIcon message={errorText(start.error)} />}
    </Modal>
  );
}
