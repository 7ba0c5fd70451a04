import { PlusOutlined } from '@ant-design/icons';
import type { TSealQuery, TSealQueryBody } from '@procura/server/juvenile/schema';
import { Button, DatePicker, Flex, Form, Input, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasAccess } from '../auth/access.ts';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TDecisionBody, useSealQueryMutation } from './api.ts';

function DecideQuery({ query }: { query: TSealQuery }) {
  const [approve, setApprove] = useState<boolean | null>(null);
  const decide = useSealQueryMutation<TDecisionBody>(`/api/juvenile/seal-queries/${query.id}/decision`);
  return (
    <Space>
      <Button size="small" type="primary" onClick={() => setApprove(true)}>
        许可
      </Button>
      <Button size="small" danger onClick={() => setApprove(false)}>
        不予许可
      </Button>
      <FormModal<{ note: string }, TDecisionBody>
        title={approve ? '许可查询封存记录' : '不予许可查询'}
        open={approve !== null}
        onClose={() => setApprove(null)}
        mutation={decide}
        toBody={(v) => ({ approve: approve === true, note: v.note })}
        done="已决定"
        testId="seal-decision"
      >
        <Form.Item label="理由" name="note" rules={[{ required: true, message: '请写明理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

type TValues = Omit<TSealQueryBody, 'receivedOn'> & { receivedOn: Dayjs };

/** Query requests on a sealed record (刑诉规则 第四百八十四条: decided within 7 days). */
export function SealQueriesTable({ queries, sealingId }: { queries: TSealQuery[]; sealingId?: number }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const record = useSealQueryMutation<TSealQueryBody>(`/api/juvenile/sealings/${sealingId ?? 0}/queries`);
  const columns = [
    { title: '案号', dataIndex: 'caseNumber', width: 180 },
    { title: '申请单位', dataIndex: 'requesterBody' },
    { title: '申请人', dataIndex: 'requesterName', width: 100 },
    { title: '查询理由', dataIndex: 'purpose' },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    {
      title: '决定期限',
      key: 'due',
      width: 130,
      render: (_: unknown, q: TSealQuery) => (q.overdue ? <Tag color="red">{q.dueOn} 已逾期</Tag> : q.dueOn),
    },
    {
      title: '决定',
      key: 'state',
      width: 240,
      render: (_: unknown, q: TSealQuery) =>
        q.state === 'pending' ? (
          hasAccess(me, 'juvenile.approve') ? (
            <DecideQuery query={q} />
          ) : (
            <Tag>待决定</Tag>
          )
        ) : (
          `${q.stateLabel}（${q.decidedBy}，${formatDateTime(q.decidedAt)}）：${q.decisionNote ?? ''}`
        ),
    },
  ];
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      {sealingId && hasAccess(me, 'juvenile.write') && (
        <div>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记查询申请
          </Button>
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={queries}
        locale={{ emptyText: '无查询申请' }}
      />
      <FormModal<TValues, TSealQueryBody>
        title="登记封存记录查询申请"
        open={open}
        onClose={() => setOpen(false)}
        mutation={record}
        toBody={(v) => ({ ...v, receivedOn: v.receivedOn.format('YYYY-MM-DD') })}
        done="已登记，应在七日内作出是否许可的决定"
        testId="seal-query-form"
      >
        <Form.Item
          label="申请单位"
          name="requesterBody"
          rules={[{ required: true, message: '请填写申请单位' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="申请人" name="requesterName" rules={[{ required: true, message: '请填写申请人' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="查询理由与依据"
          name="purpose"
          rules={[{ required: true, message: '请填写查询理由' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          label="收到书面申请日期"
          name="receivedOn"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
