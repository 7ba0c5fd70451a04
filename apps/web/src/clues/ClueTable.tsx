import type { TClue, TClueList } from '@procura/server/clues/schema';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../shared/dates.ts';
import { ClueStatusTag } from './ClueStatusTag.tsx';

const columns: TableColumnsType<TClue> = [
  {
    title: '标题',
    key: 'title',
    render: (_, clue) => (
      <Link to={`/clues/${clue.id}`} data-testid={`clue-link-${clue.id}`}>
        {clue.title}
      </Link>
    ),
  },
  { title: '来源', dataIndex: 'sourceLabel', width: 130 },
  {
    title: '状态',
    key: 'status',
    width: 90,
    render: (_, clue) => <ClueStatusTag status={clue.status} label={clue.statusLabel} />,
  },
  { title: '公益诉讼领域', key: 'pilField', width: 150, render: (_, clue) => clue.pilFieldLabel ?? '—' },
  { title: '部门', key: 'department', width: 120, render: (_, clue) => clue.department.name },
  { title: '承办人', key: 'handler', width: 120, render: (_, clue) => clue.handler?.name ?? '—' },
  { title: '登记日期', key: 'receivedAt', width: 110, render: (_, clue) => formatDate(clue.receivedAt) },
  {
    title: '评估期限',
    dataIndex: 'assessmentDueOn',
    width: 110,
    render: (due: string | null) => due ?? '—',
  },
  {
    title: '案号',
    key: 'case',
    width: 200,
    render: (_, clue) =>
      clue.case ? <Link to={`/cases/${clue.case.id}`}>{clue.case.caseNumber}</Link> : '—',
  },
];

type TProps = {
  data: TClueList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
};

export function ClueTable({ data, loading, page, pageSize, onPageChange }: TProps) {
  return (
    <Table<TClue>
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 1000 }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 条`,
        onChange: onPageChange,
      }}
      data-testid="clues-table"
    />
  );
}
