import { LockOutlined } from '@ant-design/icons';
import { sealingBasisLabels } from '@procura/domain/juvenile/sealing';
import type { TJuvenileCaseDetail, TSealBody } from '@procura/server/juvenile/schema';
import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../shared/FormModal.tsx';
import { useJuvenileMutation } from './api.ts';
import { SealQueriesTable } from './SealQueriesTable.tsx';

type TValues = Omit<TSealBody, 'sealedOn'> & { sealedOn: Dayjs };

/** 犯罪记录封存 on a minor suspect's case, and the query requests on it. */
export function SealingCard({ detail, canSeal }: { detail: TJuvenileCaseDetail; canSeal: boolean }) {
  const [open, setOpen] = useState(false);
  const seal = useJuvenileMutation<TSealBody>(`/api/juvenile/cases/${detail.id}/sealing`);
  const { sealing } = detail;
  return (
    <Card
      title="犯罪记录封存（刑事诉讼法 第二百八十六条）"
      size="small"
      extra={
        canSeal &&
        !sealing && (
          <Button icon={<LockOutlined />} onClick={() => setOpen(true)} data-testid="seal">
            封存
          </Button>
        )
      }
    >
      {sealing ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="已封存：本案及其线索在未成年人检察部门以外的列表、检索、导出中均不可见。"
          />
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'basis', label: '封存理由', children: sealing.basisLabel },
              { key: 'law', label: '依据', children: sealing.legalBasis },
              { key: 'on', label: '封存日期', children: sealing.sealedOn },
              { key: 'by', label: '封存人', children: sealing.sealedBy },
            ]}
          />
          <SealQueriesTable queries={detail.sealQueries} sealingId={sealing.id} />
        </>
      ) : (
        <span>未封存</span>
      )}
      <FormModal<TValues, TSealBody>
        title="封存未成年人犯罪记录"
        open={open}
        onClose={() => setOpen(false)}
        mutation={seal}
        toBody={(v) => ({ ...v, sealedOn: v.sealedOn.format('YYYY-MM-DD') })}
        done="已封存"
        testId="seal-form"
        initialValues={{ basis: 'sentence' }}
      >
        <Form.Item label="封存理由" name="basis" rules={[{ required: true }]}>
          <Select options={Object.entries(sealingBasisLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          label="犯罪时年龄"
          name="ageAtOffence"
          rules={[{ required: true, message: '请填写犯罪时年龄' }]}
        >
          <InputNumber min={12} max={30} precision={0} suffix="周岁" />
        </Form.Item>
        <Form.Item label="判处刑期（月）" name="sentenceMonths" extra="被判处五年有期徒刑以下刑罚的予以封存">
          <InputNumber min={0} max={600} precision={0} suffix="个月" />
        </Form.Item>
        <Form.Item label="封存日期" name="sealedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
