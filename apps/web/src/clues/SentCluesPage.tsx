import { formatYuan } from '@procura/domain/clean/amount';
import type { TSentClue, TSentClueList } from '@procura/server/clues/schema';
import { Card, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { reachesRecord, seesAllDepartments } from '../auth/reach.ts';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import { formatDate } from '../shared/dates.ts';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { useSentClues } from './api.ts';
import { ClueStatusTag } from './ClueStatusTag.tsx';

function receiver({ transfer }: TSentClue) {
  if (transfer.toDepartment) return transfer.toDepartment.name;
  return (
    <Space size={4}>
      {transfer.toOutsideBody}
      <Tag>外单位</Tag>
    </Space>
  );
}

/** What the receiving side did: its status, or for an outside body the receipt and feedback. */
function whatBecame(item: TSentClue) {
  if (item.received) {
    return (
      <Space orientation="vertical" size={0}>
        <ClueStatusTag status={item.received.status} label={item.received.statusLabel} />
        {item.received.declineReason && (
          <Typography.Text type="secondary">{item.received.declineReason}</Typography.Text>
        )}
      </Space>
    );
  }
  if (item.transfer.feedback) return item.transfer.feedback;
  return item.transfer.receivedAt ? `已签收（${item.transfer.receivedBy ?? ''}）` : '未签收';
}

type TTableProps = {
  data: TSentClueList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
};

function SentCluesTable({ data, loading, page, pageSize, onPageChange }: TTableProps) {
  const me = useMe();
  const columns: TableColumnsType<TSentClue> = [
    {
      title: '移送日期',
      key: 'at',
      width: 110,
      render: (_, item) => formatDate(item.transfer.transferredAt),
    },
    {
      title: '线索',
      key: 'clue',
      render: (_, item) => <Link to={`/clues/${item.clue.id}`}>{item.clue.title}</Link>,
    },
    { title: '接收方', key: 'to', width: 150, render: (_, item) => receiver(item) },
    { title: '处理情况', key: 'status', width: 150, render: (_, item) => whatBecame(item) },
    {
      title: '案号',
      key: 'case',
      width: 230,
      render: (_, item) => {
        if (!item.case) return '—';
        const reachable = reachesRecord(me, item.transfer.toDepartment?.id);
        return (
          <Space orientation="vertical" size={0}>
            {reachable ? (
              <Link to={`/cases/${item.case.id}`} data-testid="sent-case-number">
                {item.case.caseNumber}
              </Link>
            ) : (
              <span data-testid="sent-case-number">{item.case.caseNumber}</span>
            )}
            <Typography.Text type="secondary">
              {item.case.typeLabel} · {item.case.closed ? '已办结' : item.case.stageLabel}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: '办案成效',
      key: 'outcomes',
      width: 260,
      render: (_, item) =>
        item.outcomes.length === 0 ? (
          '—'
        ) : (
          <div style={{ whiteSpace: 'pre-line' }} data-testid="sent-outcomes">
            {item.outcomes.map((outcome) => `${outcome.label} ${outcome.text}`).join('\n')}
          </div>
        ),
    },
  ];
  return (
    <Table<TSentClue>
      rowKey={(item) => item.transfer.id}
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
      data-testid="sent-clues-table"
    />
  );
}

/** 我移送的线索: the department's transfers and what became of each. Loaded lazily. */
export default function SentCluesPage() {
  const me = useMe();
  const departments = useDepartments();
  const [departmentId, setDepartmentId] = useState<number | undefined>(me.department?.id);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // 待反馈 from the workbench (?awaiting=feedback).
  const workbench = useWorkbenchFilter(['awaiting'] as const);
  const sent = useSentClues({
    departmentId,
    ...page,
    ...(workbench.filter.awaiting === 'feedback' ? { awaiting: 'feedback' as const } : {}),
  });
  const recovered = (sent.data?.items ?? []).reduce((sum, item) => sum + item.recoveredFen, 0);

  return (
    <Card
      title="我移送的线索"
      extra={
        seesAllDepartments(me) && (
          <Select
            value={departmentId}
            onChange={(next) => {
              setDepartmentId(next);
              setPage((current) => ({ ...current, page: 1 }));
            }}
            options={departmentOptions(departments.data)}
            placeholder="选择部门"
            aria-label="移送部门"
            style={{ width: 180 }}
            data-testid="sent-department"
          />
        )
      }
    >
      {workbench.notice}
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          本部门移送给本院其他部门或外单位的线索，以及接收方的处理结果。
          {recovered > 0 && `本页合计追回金额 ${formatYuan(recovered)} 元。`}
        </Typography.Text>
        <SentCluesTable
          data={sent.data}
          loading={sent.isFetching}
          page={page.page}
          pageSize={page.pageSize}
          onPageChange={(next, pageSize) =>
            setPage({ page: pageSize === page.pageSize ? next : 1, pageSize })
          }
        />
      </Flex>
    </Card>
  );
}
