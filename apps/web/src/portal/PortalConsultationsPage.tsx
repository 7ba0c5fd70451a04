import type { TPortalConsultation } from '@procura/server/portal/replies-schema';
import { Card, Table, type TableColumnsType } from 'antd';
import { usePortalConsultations } from './api.ts';

/** 外部单位门户: the 诉前磋商 the organisation took part in, as the procuratorate recorded them. */
export default function PortalConsultationsPage() {
  const list = usePortalConsultations();
  const columns: TableColumnsType<TPortalConsultation> = [
    { title: '磋商日期', dataIndex: 'heldOn', width: 120 },
    { title: '议题', key: 'topic', width: 200, render: (_, c) => c.topic ?? '—' },
    { title: '参加单位', key: 'bodies', width: 240, render: (_, c) => c.bodies.join('、') },
    {
      title: '达成的意见',
      key: 'agreed',
      render: (_, c) => <div style={{ whiteSpace: 'pre-wrap' }}>{c.agreed ?? '—'}</div>,
    },
    { title: '整改期限', key: 'due', width: 120, render: (_, c) => c.actionDueOn ?? '—' },
    {
      title: '跟进核查',
      key: 'check',
      width: 160,
      render: (_, c) => (c.checkedOn ? `${c.checkedOn} ${c.checkResultLabel ?? ''}` : '尚未核查'),
    },
  ];
  return (
    <Card title="本单位参加的诉前磋商">
      <Table<TPortalConsultation>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: '暂无本单位参加的诉前磋商' }}
        data-testid="portal-consultations-table"
      />
    </Card>
  );
}
