import type { TCase } from '@procura/server/cases/schema';
import { Alert, Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/dates.ts';
import { useInvitedCases } from './api.ts';

const columns: TableColumnsType<TCase> = [
  {
    title: '案号',
    key: 'caseNumber',
    width: 200,
    render: (_, c) => (
      <Link to={`/invited/cases/${c.id}`} data-testid={`invited-case-link-${c.id}`}>
        {c.caseNumber}
      </Link>
    ),
  },
  { title: '案件名称', key: 'title', render: (_, c) => c.title },
  { title: '类型', key: 'type', width: 150, render: (_, c) => c.typeLabel },
  { title: '阶段', key: 'stage', width: 110, render: (_, c) => c.stageLabel },
  { title: '承办部门', key: 'department', width: 120, render: (_, c) => c.department.name },
  { title: '立案时间', key: 'openedAt', width: 160, render: (_, c) => formatDateTime(c.openedAt) },
];

/** 特邀检察官助理: only the cases this account was added to, read only. */
export default function InvitedCasesPage() {
  const cases = useInvitedCases();
  return (
    <Card title="受邀参与的案件">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="您以特邀检察官助理身份参与以下案件，仅可查阅；每次查阅均记入审计日志。"
      />
      <Table<TCase>
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items}
        loading={cases.isFetching}
        pagination={false}
        locale={{ emptyText: '暂无受邀参与的案件' }}
        data-testid="invited-cases-table"
      />
    </Card>
  );
}
