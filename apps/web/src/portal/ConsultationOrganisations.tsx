import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { useConsultationOrganisations, useOrganisations, useSetConsultationOrganisations } from './api.ts';

/**
 * The outside organisations that took part in a 磋商: each sees its date, the agreement and the
 * action deadline on its portal. The case's caseworkers pick them from the directory.
 */
export function ConsultationOrganisations({
  consultationId,
  mayEdit,
}: {
  consultationId: number;
  mayEdit: boolean;
}) {
  const linked = useConsultationOrganisations(consultationId);
  const [editing, setEditing] = useState<number[] | null>(null);
  const directory = useOrganisations(editing !== null);
  const save = useSetConsultationOrganisations(consultationId);
  const names = linked.data?.organisations.map((o) => o.name) ?? [];
  if (editing === null)
    return (
      <div data-testid={`consultation-organisations-${consultationId}`}>
        门户可见单位：{names.length ? names.join('、') : '未关联'}
        {mayEdit && (
          <Typography.Link
            style={{ marginLeft: 8 }}
            onClick={() => setEditing(linked.data?.organisations.map((o) => o.id) ?? [])}
            data-testid={`consultation-organisations-edit-${consultationId}`}
          >
            关联外部单位
          </Typography.Link>
        )}
      </div>
    );
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Select
        mode="multiple"
        style={{ minWidth: 260 }}
        placeholder="选择参加磋商的外部单位"
        value={editing}
        onChange={setEditing}
        loading={directory.isFetching}
        optionFilterProp="label"
        options={directory.data?.items.map((o) => ({ value: o.id, label: o.name }))}
        data-testid={`consultation-organisations-select-${consultationId}`}
      />
      <Space>
        <Button
          size="small"
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate(editing, { onSuccess: () => setEditing(null) })}
          data-testid={`consultation-organisations-save-${consultationId}`}
        >
          保存
        </Button>
        <Button size="small" onClick={() => setEditing(null)}>
          取消
        </Button>
      </Space>
      {save.error && <Typography.Text type="danger">{errorText(save.error)}</Typography.Text>}
    </Space>
  );
}
