import type { TSuggestion } from '@procura/server/suggestions/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Select, Space, Tag } from 'antd';
import { api } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useMe } from '../auth/hooks.ts';
import { useOrganisations } from '../portal/api.ts';
import { formatDateTime } from '../shared/dates.ts';

const addressable = ['draft', 'pendingApproval', 'approved', 'issued'];

/**
 * 门户送达单位: the organisation the suggestion is delivered to on the 外部单位门户, and whether it
 * has opened it (opening it is the delivery). Chosen here until it is opened; the server refuses a
 * change after that, and its message shows below the select.
 */
export function PortalRecipient({ suggestion }: { suggestion: TSuggestion }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const recipient = suggestion.portalRecipient;
  const mayWrite = me.actions.includes('suggestion.write') && me.actions.includes('organisation.list');
  const organisations = useOrganisations(mayWrite);
  const address = useMutation({
    mutationFn: (organisationId: number) =>
      api(`/api/suggestions/${suggestion.id}/organisation`, { method: 'PUT', body: { organisationId } }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['suggestions'] }),
  });
  const status = recipient ? (
    recipient.readAt ? (
      <Tag color="green" data-testid={`portal-recipient-read-${suggestion.id}`}>
        已于 {formatDateTime(recipient.readAt)} 在门户签收
      </Tag>
    ) : (
      <Tag data-testid={`portal-recipient-read-${suggestion.id}`}>尚未签收</Tag>
    )
  ) : null;
  if (!mayWrite || (recipient?.readAt ?? null) !== null || !addressable.includes(suggestion.state)) {
    return (
      <Space data-testid={`portal-recipient-${suggestion.id}`}>
        <span>{recipient?.organisation.name ?? '未指定（纸质送达）'}</span>
        {status}
      </Space>
    );
  }
  const options = (organisations.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.name}（${o.kindLabel}）`,
  }));
  if (recipient && !options.some((o) => o.value === recipient.organisation.id))
    options.push({ value: recipient.organisation.id, label: recipient.organisation.name });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`portal-recipient-${suggestion.id}`}>
      <Space wrap>
        <Select<number>
          style={{ minWidth: 320 }}
          placeholder="选择经门户送达的外部单位"
          showSearch
          optionFilterProp="label"
          loading={organisations.isPending || address.isPending}
          value={recipient?.organisation.id}
          options={options}
          onChange={(organisationId) => address.mutate(organisationId)}
          data-testid={`portal-recipient-select-${suggestion.id}`}
        />
        {status}
      </Space>
      {address.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(address.error)}
          data-testid={`portal-recipient-error-${suggestion.id}`}
        />
      )}
    </Space>
  );
}
