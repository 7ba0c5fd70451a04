import type { TCase, TCaseList } from '@procura/server/cases/schema';
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { formatDate } from '../shared/dates.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useHandlerOptions } from '../shared/useHandlerOptions.ts';
import { type TCaseFilters, useCases } from './api.ts';
import { CaseFilters } from './CaseFilters.tsx';

const columns: TableColumnsType<TCase> = [
  {
    title: '案号',
    key: 'caseNumber',
    width: 230,
    render: (_, item) => (
      <Link to={`/cases/${item.id}`} data-testid={`case-link-${item.id}`}>
        {item.caseNumber}
      </Link>
    ),
  },
  { title: '案件名称', dataIndex: 'title' },
  {
    title: '案件类型',
    key: 'type',
    width: 170,
    render: (_, item) => (item.phaseLabel ? `${item.typeLabel}（${item.phaseLabel}）` : item.typeLabel),
  },
  {
    title: '阶段',
    key: 'stage',
    width: 110,
    render: (_, item) => <Tag color={item.closedAt ? 'default' : 'blue'}>{item.stageLabel}</Tag>,
  },
  { title: '公益诉讼领域', key: 'pilField', width: 150, render: (_, item) => item.pilFieldLabel ?? '—' },
  { title: '承办人', key: 'handler', width: 120, render: (_, item) => item.handler?.name ?? '—' },
  { title: '部门', key: 'department', width: 120, render: (_, item) => item.department.name },
  { title: '立案日期', key: 'openedAt', width: 110, render: (_, item) => formatDate(item.openedAt) },
];

function CaseTable(props: {
  data: TCaseList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  return (
    <Table<TCase>
      rowKey="id"
      columns={columns}
      dataSource={props.data?.items}
      loading={props.loading}
      scroll={{ x: 1000 }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 件`,
        onChange: props.onPageChange,
      }}
      data-testid="cases-table"
    />
  );
}

/** 案件: the cases the user reaches, filtered and paged on the server. Loaded lazily. */
export default function CasesPage() {
  const me = useMe();
  const [filters, setFilters] = useState<TCaseFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const cases = useCases({ ...filters, ...page });
  const handlerOptions = useHandlerOptions(me);

  return (
    <Card
      title="案件"
      extra={<ExportButton path="/api/cases/export" filters={filters} testId="cases-export" />}
    >
      <div style={{ marginBottom: 16 }}>
        <CaseFilters
          showDepartment={seesAllDepartments(me)}
          handlerOptions={handlerOptions}
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
      </div>
      <CaseTable
        data={cases.data}
        loading={cases.isFetching}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize })}
      />
    </Card>
  );
}
