import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { type TSuggestionFilters, useSuggestions } from './api.ts';
import { kindNames } from './options.ts';
import { ReplyDeadline } from './ReplyDeadline.tsx';
import { SuggestionFilters } from './SuggestionFilters.tsx';
import { SuggestionStateTag } from './SuggestionStateTag.tsx';

const columns: TableColumnsType<TSuggestion> = [
  { title: '文号', key: 'docNumber', width: 190, render: (_, item) => item.docNumber ?? '（未签发）' },
  {
    title: '案号',
    key: 'case',
    width: 190,
    render: (_, item) => (
      <Link to={`/cases/${item.case.id}`} data-testid={`suggestion-case-link-${item.id}`}>
        {item.case.caseNumber}
      </Link>
    ),
  },
  { title: '种类', key: 'kind', width: 70, render: (_, item) => kindNames[item.kind] },
  { title: '被建议单位', key: 'addressee', render: (_, item) => item.addressee || '—' },
  { title: '部门', key: 'department', width: 110, render: (_, item) => item.department.name },
  { title: '状态', key: 'state', width: 80, render: (_, item) => <SuggestionStateTag suggestion={item} /> },
  {
    title: '回复期限',
    key: 'replyDue',
    width: 170,
    render: (_, item) => <ReplyDeadline suggestion={item} />,
  },
  {
    title: '整改情况',
    key: 'rectification',
    width: 150,
    render: (_, item) =>
      item.rectificationLabel ? `${item.rectificationLabel}（${item.followUpLabel ?? '—'}）` : '—',
  },
];

/** 检察建议: every suggestion on the cases the user reaches, filtered and paged on the server. */
export default function SuggestionsPage() {
  const me = useMe();
  const [chosen, setFilters] = useState<TSuggestionFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // 待我审批 from the workbench (?awaiting=me) on top of what the filter bar chooses.
  const workbench = useWorkbenchFilter(['awaiting'] as const);
  const filters: TSuggestionFilters = {
    ...chosen,
    ...(workbench.filter.awaiting === 'me' ? { awaiting: 'me' as const } : {}),
  };
  const suggestions = useSuggestions({ ...filters, ...page });

  return (
    <Card
      title="检察建议"
      extra={<ExportButton path="/api/suggestions/export" filters={filters} testId="suggestions-export" />}
    >
      {workbench.notice}
      <div style={{ marginBottom: 16 }}>
        <SuggestionFilters
          showDepartment={seesAllDepartments(me)}
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
      </div>
      <Table<TSuggestion>
        rowKey="id"
        columns={columns}
        dataSource={suggestions.data?.items}
        loading={suggestions.isFetching}
        scroll={{ x: 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: suggestions.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
        }}
        data-testid="suggestions-table"
      />
    </Card>
  );
}
