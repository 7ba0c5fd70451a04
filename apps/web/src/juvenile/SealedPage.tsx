import { Card, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { useSealedRegister } from './api.ts';
import { SealQueriesTable } from './SealQueriesTable.tsx';

type TRecord = NonNullable<ReturnType<typeof useSealedRegister>['data']>['records'][number];

const columns = [
  {
    title: '案号',
    key: 'n',
    width: 200,
    render: (_: unknown, r: TRecord) => <Link to={`/juvenile/cases/${r.caseId}`}>{r.caseNumber}</Link>,
  },
  { title: '案件名称', dataIndex: 'title' },
  { title: '封存理由', key: 'b', render: (_: unknown, r: TRecord) => r.sealing.basisLabel },
  { title: '封存日期', key: 'd', width: 110, render: (_: unknown, r: TRecord) => r.sealing.sealedOn },
  {
    title: '待决定查询',
    dataIndex: 'pendingQueries',
    width: 110,
    render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : '—'),
  },
];

/** 封存的未成年人犯罪记录档案 (刑诉规则 第四百八十三条) and the query requests with their 7-day limit. */
export default function SealedPage() {
  const workbench = useWorkbenchFilter(['awaiting'] as const);
  const register = useSealedRegister(workbench.filter);
  return (
    <Flex vertical gap={16}>
      {workbench.notice}
      <Card title="封存的未成年人犯罪记录" data-testid="sealed">
        <Typography.Paragraph type="secondary">
          依照《刑事诉讼法》第二百八十六条，封存的记录不得向任何单位和个人提供；仅未成年人检察部门和检察长可见，在其他部门的列表、检索和导出中均不出现。查看完整信息记入审计日志。
        </Typography.Paragraph>
        <Table
          rowKey="caseId"
          size="middle"
          columns={columns}
          loading={register.isLoading}
          dataSource={register.data?.records ?? []}
          pagination={false}
          locale={{ emptyText: '没有您可以查阅的封存记录' }}
        />
      </Card>
      <Card title="查询申请（人民检察院刑事诉讼规则 第四百八十四条：七日以内作出是否许可的决定）">
        <SealQueriesTable queries={register.data?.queries ?? []} />
      </Card>
    </Flex>
  );
}
