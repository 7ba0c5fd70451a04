import { isOpenClue } from '@procura/domain/cases/clue-sources';
import type { TClueDetail, TParty, TPossibleDuplicate } from '@procura/server/clues/schema';
import { Card, Descriptions, Flex, Result, Spin, Table, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { ClueCriminalOrigin } from '../admin-violation/ClueCriminalOrigin.tsx';
import { errorText } from '../api/errors.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { useMe } from '../auth/hooks.ts';
import { CluePortalOrigin } from '../portal/CluePortalOrigin.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { useClue } from './api.ts';
import { ClueStatusTag } from './ClueStatusTag.tsx';
import { ClueTransfers } from './ClueTransfers.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { DuplicatesAlert } from './DuplicatesAlert.tsx';
import { partyColumns } from './PartiesTable.tsx';

function ClueSummary({ clue }: { clue: TClueDetail }) {
  const from = clue.receivedFrom;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'source', label: '线索来源', children: clue.sourceLabel },
        {
          key: 'status',
          label: '状态',
          children: <ClueStatusTag status={clue.status} label={clue.statusLabel} />,
        },
        { key: 'department', label: '部门', children: clue.department.name },
        ...(clue.pilFieldLabel
          ? [{ key: 'pilField', label: '公益诉讼领域', children: clue.pilFieldLabel }]
          : []),
        {
          key: 'handler',
          label: '承办人',
          children: <span data-testid="clue-handler-name">{clue.handler?.name ?? '待指派'}</span>,
        },
        { key: 'receivedAt', label: '登记时间', children: formatDateTime(clue.receivedAt) },
        {
          key: 'due',
          label: '评估期限',
          children: <span data-testid="clue-due-on">{clue.assessmentDueOn ?? '未设定'}</span>,
        },
        ...(from
          ? [
              {
                key: 'from',
                label: '移送来源',
                children: `${from.fromDepartment.name}，${formatDateTime(from.transferredAt)}：${from.reason}`,
                span: 'filled' as const,
              },
            ]
          : []),
        ...(clue.case
          ? [
              {
                key: 'case',
                label: '立案',
                children: (
                  <Link to={`/cases/${clue.case.id}`} data-testid="clue-case-link">
                    {clue.case.caseNumber}
                  </Link>
                ),
              },
            ]
          : []),
        ...(clue.declineReason
          ? [{ key: 'decline', label: '不立案理由', children: clue.declineReason, span: 'filled' as const }]
          : []),
        {
          key: 'description',
          label: '线索内容',
          span: 'filled' as const,
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {clue.description}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}

/** 线索详情: the clue, its parties, its transfers and, while open, the decision. Loaded lazily. */
export default function ClueDetailPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const location = useLocation();
  const clue = useClue(id);
  const justRegistered = (location.state as { possibleDuplicates?: TPossibleDuplicate[] } | null)
    ?.possibleDuplicates;

  if (clue.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (clue.isError) {
    return (
      <Result
        status="404"
        title="无法查看线索"
        subTitle={errorText(clue.error)}
        extra={<Link to="/clues">返回线索列表</Link>}
      />
    );
  }
  const data = clue.data;
  const duplicates = isOpenClue(data.status) ? (justRegistered ?? data.possibleDuplicates) : [];

  return (
    <Flex vertical gap={16} data-testid="clue-detail">
      <Card
        title={<span data-testid="clue-title-heading">{data.title}</span>}
        extra={<Link to="/clues">返回列表</Link>}
      >
        <Flex vertical gap={16}>
          <DuplicatesAlert duplicates={duplicates} />
          <ClueSummary clue={data} />
        </Flex>
      </Card>
      <Card title="当事人">
        <Table<TParty & { key: number }>
          size="small"
          columns={partyColumns}
          dataSource={data.parties.map((party, index) => ({ ...party, key: index }))}
          pagination={false}
          locale={{ emptyText: '未登记当事人' }}
          data-testid="clue-parties-table"
        />
      </Card>
      <ClueCriminalOrigin
        clueId={data.id}
        mayEdit={isOpenClue(data.status) && me.actions.includes('clue.decide')}
      />
      <CluePortalOrigin clueId={data.id} mayWrite={me.actions.includes('clue.decide')} />
      <Card title="线索材料">
        <Attachments
          basePath={`/api/clues/${data.id}/attachments`}
          files={data.attachments}
          canUpload={me.actions.includes('clue.create')}
          refresh={[['clues', 'detail', data.id]]}
          testId="clue-attachments"
        />
      </Card>
      <Card title="移送记录">
        <ClueTransfers transfers={data.transfers} />
      </Card>
      {isOpenClue(data.status) && me.actions.includes('clue.decide') && <DecisionPanel clue={data} />}
    </Flex>
  );
}
