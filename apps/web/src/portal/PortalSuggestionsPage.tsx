import type { TPortalSuggestion } from '@procura/server/portal/schema';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { usePortalReply, usePortalSuggestion, usePortalSuggestions } from './api.ts';

function SuggestionDetail({ id }: { id: number }) {
  const opened = usePortalSuggestion(id);
  const reply = usePortalReply(id);
  const [form] = Form.useForm<{ content: string }>();
  const s = opened.data;
  if (opened.isError) return <Alert type="error" title={errorText(opened.error)} />;
  if (!s) return null;
  return (
    <Card title={`检察建议 ${s.docNumber ?? ''}`} style={{ marginTop: 16 }} data-testid="portal-suggestion">
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
                <div>{s.deadline.dueOn} 前书面回复</div>
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
          <Button
            type="primary"
            htmlType="submit"
            loading={reply.isPending}
            data-testid="portal-reply-submit"
          >
            提交回复
          </Button>
        </Form>
      )}
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
    { title: '回复期限', key: 'due', width: 130, render: (_, s) => s.deadline?.dueOn ?? '签收后起算' },
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
        title="首次查看检察建议即视为电子送达（签收），回复期限自签收之日起算；每次查看和回复均记入审计日志。"
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
