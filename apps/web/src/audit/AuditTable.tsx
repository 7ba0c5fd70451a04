import type { TAuditEntry, TAuditList } from '@procura/server/audit/schema';
import { Table, type TableColumnsType, Typography } from 'antd';
import { formatDateTimeSeconds } from '../shared/dates.ts';

function compactJson(detail: Record<string, unknown>): string {
  return Object.keys(detail).length === 0 ? '' : JSON.stringify(detail);
}

const columns: TableColumnsType<TAuditEntry> = [
  {
    title: '时间',
    dataIndex: 'at',
    width: 170,
    render: (at: string) => formatDateTimeSeconds(at),
  },
  { title: '操作人', dataIndex: 'actorName', width: 160 },
  { title: '操作', dataIndex: 'actionLabel', width: 120 },
  {
    title: '对象',
    key: 'target',
    width: 140,
    render: (_, entry) => (entry.targetType ? `${entry.targetType} #${entry.targetId ?? ''}` : '—'),
  },
  { title: '来源地址', dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
  {
    title: '详情',
    key: 'detail',
    render: (_, entry) => {
      const json = compactJson(entry.detail);
      if (!json) return '—';
      return (
        <Typography.Text code ellipsis={{ tooltip: json }} style={{ maxWidth: 420 }}>
          {json}
        </Typography.Text>
      );
    },
  },
];

type TProps = {
  data: TAuditList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
};

export function AuditTable({ data, loading, page, pageSize, onPageChange }: TProps) {
  return (
    <Table<TAuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 条`,
        onChange: onPageChange,
      }}
      data-testid="audit-table"
    />
  );
}
