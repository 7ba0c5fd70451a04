import type { TPortalSuggestion } from '@procura/server/portal/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { usePortalExtension, usePortalReply, usePortalSuggestion, usePortalSuggestions } from './api.ts';

/** 临近期限 (orange) / 已逾期 (red), as the server computed them from the deadline engine. */
function WarningTag({ s }: { s: Pick<TPortalSuggestion, 'warning' | 'warningLabel' | 'id'> }) {
  if (!s.warning) return null;
  return (
    <Tag color={s.warning === 'overdue' ? 'red' : 'orange'} data-testid={`portal-warning-${s.id}`}>
      {s.warningLabel}
    </Tag>
  );
}

function ExtensionModal({ id, open, onClose }: { id: number; open: boolean; onClose: () => void }) {
  const extension = usePortalExtension(id);
  return (
    <FormModal<{ reason: string; proposedDueOn: Dayjs }, { reason: string; proposedDueOn: string }>
      title="申请延长回复期限"
      open={open}
      onClose={onClose}
      mutation={extension}
      toBody={(v) => ({ reason: v.reason, proposedDueOn: v.proposedDueOn.format('YYYY-MM-DD') })}
      done="已提交延期申请，请等待检察院决定"
      onDone={onClose}
      testId="portal-extension"
    >
      <Form.Item
        label="申请延至"
        name="proposedDueOn"
        rules={[{ required: true, message: '请选择申请延至的日期' }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="portal-extension-date" />
      </Form.Item>
      <Form.Item
        label="申请理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写申请延期的理由' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} data-testid="portal-extension-reason" />
      </Form.Item>
    </FormModal>
  );
}

function SuggestionDetail({ id }: { id: number }) {
  const opened = usePortalSuggestion(id);
  const reply = usePortalReply(id);
  const [form] = Form.useForm<{ content: string }>();
  const [asking, setAsking] = useState(false);
  const s = opened.data;
  if (opened.isError) return <Alert type="error" title={errorText(opened.error)} />;
  if (!s) return null;
  const pending = s.extensions.some((e) => e.state === 'pending');
  return (
    <Card
      title={
        <Space>
          {`检察建议 ${s.docNumber ?? ''}`}
          <WarningTag s={s} />
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="portal-suggestion"
    >
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'state', label: '状态', children: s.stateLabel },
          { key: 'delivered', label: '送达（签收）日期', children: s.deliveredOn ?? '—' },
          {
            key: 'due',
            label: '回复期限',
            children: s.deadline ? (
              <div data-testid="portal-deadline">
                <div>
                  {s.deadline.dueOn} 前书面回复 <WarningTag s={s} />
                </div>
                <Typography.Text type="secondary">{s.deadline.explanation}</Typography.Text>
                {s.deadline.steps.map((step) => (
                  <div key={step}>
                    <Typography.Text type="secondary">{step}</Typography.Text>
                  </div>
                ))}
              </div>
            ) : (
              '—'
            ),
          },
          ...(s.extensions.length
            ? [
                {
                  key: 'extensions',
                  label: '延期申请',
                  children: (
                    <div data-testid="portal-extensions">
                      {s.extensions.map((e) => (
                        <div key={e.id}>
                          申请延至 {e.proposedDueOn}（{e.reason}）：<Tag>{e.stateLabel}</Tag>
                          {e.newDueOn ? `新的回复期限 ${e.newDueOn}；` : ''}
                          {e.decisionNote ? `理由：${e.decisionNote}` : ''}
                        </div>
                      ))}
                    </div>
                  ),
                },
              ]
            : []),
          { key: 'facts', label: '查明的事实', children: s.facts },
          { key: 'basis', label: '法律依据', children: s.legalBasis },
          {
            key: 'requests',
            label: '检察建议',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{s.requests}</div>,
          },
          ...(s.replyContent
            ? [{ key: 'reply', label: `本单位回复（${s.replyOn}）`, children: s.replyContent }]
            : []),
          ...(s.readAt
            ? [
                {
                  key: 'evidence',
                  label: '整改证据（照片、PDF 等）',
                  children: (
                    <Attachments
                      basePath={`/api/portal/suggestions/${s.id}/attachments`}
                      files={s.attachments}
                      canUpload={s.state === 'delivered' || s.state === 'replied'}
                      refresh={[['portal', 'suggestion', s.id]]}
                      testId="portal-evidence"
                    />
                  ),
                },
              ]
            : []),
          ...(s.rectificationLabel
            ? [
                {
                  key: 'result',
                  label: '检察院整改评估',
                  children: (
                    <span data-testid="portal-rectification">
                      {s.rectificationLabel}
                      {s.followUpLabel ? `；${s.followUpLabel}` : ''}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {s.state === 'delivered' && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          onFinish={(values) => reply.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            label="书面回复（整改情况）"
            name="content"
            rules={[{ required: true, whitespace: true, message: '请填写回复内容' }]}
          >
            <Input.TextArea rows={5} maxLength={20000} data-testid="portal-reply-content" />
          </Form.Item>
          {reply.isError && (
            <Alert type="error" title={errorText(reply.error)} style={{ marginBottom: 12 }} />
          )}
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={reply.isPending}
              data-testid="portal-reply-submit"
            >
              提交回复
            </Button>
            <Button onClick={() => setAsking(true)} disabled={pending} data-testid="portal-extension-open">
              {pending ? '延期申请审查中' : '申请延期回复'}
            </Button>
          </Space>
        </Form>
      )}
      <ExtensionModal id={s.id} open={asking} onClose={() => setAsking(false)} />
    </Card>
  );
}

/** 外部单位门户: the suggestions addressed to the account's organisation, and the reply form. */
export default function PortalSuggestionsPage() {
  const list = usePortalSuggestions();
  const [openId, setOpenId] = useState<number | null>(null);
  const columns: TableColumnsType<TPortalSuggestion> = [
    { title: '文号', key: 'docNumber', width: 200, render: (_, s) => s.docNumber ?? '—' },
    { title: '主送单位', key: 'addressee', render: (_, s) => s.addressee },
    { title: '状态', key: 'state', width: 100, render: (_, s) => (s.readAt ? s.stateLabel : '未签收') },
    {
      title: '回复期限',
      key: 'due',
      width: 200,
      render: (_, s) => (
        <Space size={4}>
          {s.deadline?.dueOn ?? '签收后起算'}
          <WarningTag s={s} />
        </Space>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 110,
      render: (_, s) => (
        <Button size="small" onClick={() => setOpenId(s.id)} data-testid={`portal-open-${s.id}`}>
          {s.readAt ? '查看' : '签收并查看'}
        </Button>
      ),
    },
  ];
  return (
    <Card title="送达本单位的检察建议">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="首次查看检察建议即视为电子送达（签收），回复期限自签收之日起算；距期限五个工作日内标注「临近期限」，期限届满未回复标注「已逾期」。每次查看和回复均记入审计日志。"
      />
      <Table<TPortalSuggestion>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: '暂无送达本单位的检察建议' }}
        data-testid="portal-suggestions-table"
      />
      {openId !== null && <SuggestionDetail id={openId} />}
    </Card>
  );
}
