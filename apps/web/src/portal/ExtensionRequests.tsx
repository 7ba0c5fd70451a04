import type { TExtensionRequest } from '@procura/server/portal/replies-schema';
import { Button, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useDecideExtension, useExtensionRequests } from './api.ts';

type TDecision = { grant: boolean; newDueOn?: Dayjs; note: string };

function DecideModal({
  suggestionId,
  request,
  grant,
  onClose,
}: {
  suggestionId: number;
  request: TExtensionRequest;
  grant: boolean;
  onClose: () => void;
}) {
  const decide = useDecideExtension(suggestionId);
  return (
    <FormModal<TDecision, Parameters<typeof decide.mutate>[0]>
      title={grant ? '同意延期' : '不同意延期'}
      open
      onClose={onClose}
      mutation={decide}
      initialValues={{ grant, newDueOn: dayjs(request.proposedDueOn), note: '' }}
      toBody={(v) => ({
        requestId: request.id,
        grant,
        note: v.note,
        ...(grant && v.newDueOn ? { newDueOn: v.newDueOn.format('YYYY-MM-DD') } : {}),
      })}
      done={grant ? '已同意延期，回复期限已更新' : '已告知该单位不同意延期'}
      onDone={onClose}
      testId="extension-decision"
    >
      {grant && (
        <Form.Item
          label="新的回复期限"
          name="newDueOn"
          rules={[{ required: true, message: '请选择新的回复期限' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        label="决定理由（外部单位可见）"
        name="note"
        rules={[{ required: true, whitespace: true, message: '请填写决定理由' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} data-testid="extension-decision-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 延期申请 of the organisation on a suggestion, and the caseworkers' decision. */
export function ExtensionRequests({ suggestionId, mayDecide }: { suggestionId: number; mayDecide: boolean }) {
  const query = useExtensionRequests(suggestionId);
  const [deciding, setDeciding] = useState<{ request: TExtensionRequest; grant: boolean } | null>(null);
  const items = query.data?.items ?? [];
  if (items.length === 0) return <>—</>;
  return (
    <Space direction="vertical" size={4} data-testid={`extension-requests-${suggestionId}`}>
      {items.map((r) => (
        <div key={r.id}>
          {r.organisation}（{r.requestedBy}，{formatDateTime(r.requestedAt)}）申请由 {r.previousDueOn ?? '—'}{' '}
          延至 {r.proposedDueOn}：{r.reason} <Tag>{r.stateLabel}</Tag>
          {r.decidedBy && (
            <Typography.Text type="secondary">
              {r.decidedBy}：{r.newDueOn ? `延至 ${r.newDueOn}；` : ''}
              {r.decisionNote}
            </Typography.Text>
          )}
          {mayDecide && r.state === 'pending' && (
            <Space style={{ marginLeft: 8 }}>
              <Button size="small" onClick={() => setDeciding({ request: r, grant: true })}>
                同意延期
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ request: r, grant: false })}>
                不同意
              </Button>
            </Space>
          )}
        </div>
      ))}
      {deciding && (
        <DecideModal
          suggestionId={suggestionId}
          request={deciding.request}
          grant={deciding.grant}
          onClose={() => setDeciding(null)}
        />
      )}
    </Space>
  );
}
