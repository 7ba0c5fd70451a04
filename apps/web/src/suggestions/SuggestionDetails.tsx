import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Descriptions, Typography } from 'antd';
import { Attachments } from '../attachments/Attachments.tsx';
import { useMe } from '../auth/hooks.ts';
import { ExtensionRequests } from '../portal/ExtensionRequests.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { PortalRecipient } from './PortalRecipient.tsx';

const paragraph = (value: string | null) =>
  value ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph>
  ) : (
    '—'
  );

/** The text of a suggestion and what has happened to it (the expanded row of the case card). */
export function SuggestionDetails({ suggestion }: { suggestion: TSuggestion }) {
  const me = useMe();
  const approvals = suggestion.approvals
    .map(
      (a) =>
        `${a.name} ${formatDateTime(a.at)} ${a.decision === 'returned' ? '退回' : '同意'}${a.note ? `（${a.note}）` : ''}`,
    )
    .join('；');
  const repliable = ['delivered', 'replied', 'closed'].includes(suggestion.state);
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid={`suggestion-details-${suggestion.id}`}
      items={[
        { key: 'facts', label: '事实', children: paragraph(suggestion.facts) },
        { key: 'legalBasis', label: '法律依据', children: paragraph(suggestion.legalBasis) },
        { key: 'requests', label: '建议内容', children: paragraph(suggestion.requests) },
        {
          key: 'contact',
          label: '联系人',
          children: [suggestion.contactName || '（本案承办人）', suggestion.contactPhone]
            .filter(Boolean)
            .join('，'),
        },
        { key: 'copyTo', label: '抄送', children: suggestion.copyTo || '—' },
        { key: 'approvals', label: '审批', children: approvals || '—' },
        { key: 'issuedAt', label: '签发时间', children: formatDateTime(suggestion.issuedAt) },
        {
          key: 'portalRecipient',
          label: '门户送达单位',
          children: <PortalRecipient suggestion={suggestion} />,
        },
        { key: 'deliveredOn', label: '送达日期', children: suggestion.deliveredOn ?? '—' },
        {
          key: 'reply',
          label: '书面回复',
          children: suggestion.replyOn
            ? paragraph(`${suggestion.replyOn}：${suggestion.replyContent ?? ''}`)
            : '—',
        },
        {
          key: 'replyAttachments',
          label: '回复附件',
          children: repliable ? (
            <Attachments
              basePath={`/api/suggestions/${suggestion.id}/attachments`}
              files={suggestion.replyAttachments}
              canUpload={me.actions.includes('suggestion.write')}
              refresh={[['suggestions']]}
              testId={`reply-attachments-${suggestion.id}`}
            />
          ) : (
            '送达后可上传被建议单位的回复材料'
          ),
        },
        {
          key: 'extensions',
          label: '延期申请',
          children: repliable ? (
            <ExtensionRequests
              suggestionId={suggestion.id}
              mayDecide={me.actions.includes('suggestion.write')}
            />
          ) : (
            '—'
          ),
        },
        {
          key: 'rectification',
          label: '整改情况',
          children: suggestion.rectificationLabel
            ? `${suggestion.rectificationLabel}；后续措施：${suggestion.followUpLabel ?? '—'}${suggestion.rectificationNote ? `；${suggestion.rectificationNote}` : ''}`
            : '—',
        },
        {
          key: 'documents',
          label: '文书',
          children: suggestion.documents.map((d) => d.name).join('；') || '—',
        },
      ]}
    />
  );
}
