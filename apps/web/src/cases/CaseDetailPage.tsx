import { ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import { isPilCaseType } from '@procura/domain/public-interest-fields';
import type { TCaseDetail } from '@procura/server/cases/schema';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CaseAdminViolation } from '../admin-violation/CaseAdminViolation.tsx';
import { errorText } from '../api/errors.ts';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { CaseAdvisers } from '../class-supervision/CaseAdvisers.tsx';
import { CaseConsultations } from '../consultations/CaseConsultations.tsx';
import { CaseDeadlines } from '../deadlines/CaseDeadlines.tsx';
import { AdminDispute } from '../hearings/AdminDispute.tsx';
import { CaseHearings } from '../hearings/CaseHearings.tsx';
import { JudicialAidSection } from '../judicial-aid/JudicialAidSection.tsx';
import { CasePublicInterest } from '../public-interest-fields/CasePublicInterest.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { CaseSuggestions } from '../suggestions/CaseSuggestions.tsx';
import { CaseApplicants } from '../supported-prosecution/CaseApplicants.tsx';
import { AdvanceStageModal } from './AdvanceStageModal.tsx';
import { useCase } from './api.ts';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CaseLinks } from './CaseLinks.tsx';
import { CaseStages } from './CaseStages.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { RecordEventModal } from './RecordEventModal.tsx';
import { RecordOutcomeModal } from './RecordOutcomeModal.tsx';

type TOutcome = TCaseDetail['outcomes'][number];
type TLinkedClue = TCaseDetail['clues'][number];

const outcomeColumns = [
  { title: '成效类型', dataIndex: 'label' },
  { title: '数额', dataIndex: 'text', align: 'right' as const },
  { title: '备注', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
  { title: '记录时间', dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
];

const clueColumns = [
  {
    title: '线索',
    key: 'title',
    render: (_: unknown, clue: TLinkedClue) => <Link to={`/clues/${clue.id}`}>{clue.title}</Link>,
  },
  { title: '来源', dataIndex: 'sourceLabel', width: 130 },
  { title: '部门', dataIndex: 'department', width: 120 },
];

function CaseHeader({ detail }: { detail: TCaseDetail }) {
  return (
    <Flex vertical gap={24}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'title', label: '案件名称', children: detail.title, span: 'filled' },
          {
            key: 'type',
            label: '案件类型',
            children: detail.phaseLabel ? `${detail.typeLabel}（${detail.phaseLabel}）` : detail.typeLabel,
          },
          {
            key: 'stage',
            label: '当前阶段',
            children: (
              <Tag color={detail.closedAt ? 'default' : 'blue'} data-testid="case-stage">
                {detail.stageLabel}
              </Tag>
            ),
          },
          { key: 'handler', label: '承办人', children: detail.handler?.name ?? '—' },
          { key: 'department', label: '承办部门', children: detail.department.name },
          { key: 'openedAt', label: '立案日期', children: formatDate(detail.openedAt) },
          ...(detail.closedAt
            ? [{ key: 'closedAt', label: '办结日期', children: formatDate(detail.closedAt) }]
            : []),
        ]}
      />
      <CaseStages detail={detail} />
    </Flex>
  );
}

/** 案件详情: number, type, stage, timeline, linked clues and outcomes. Loaded lazily. */
export default function CaseDetailPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const query = useCase(id);
  const [dialog, setDialog] = useState<'advance' | 'event' | 'outcome' | null>(null);

  if (query.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (query.isError) {
    return (
      <Result
        status="404"
        title="无法查看案件"
        subTitle={errorText(query.error)}
        extra={<Link to="/cases">返回案件列表</Link>}
      />
    );
  }
  const detail = query.data;
  const open = detail.closedAt === null;
  const mayTransition = open && me.actions.includes('case.transition') && detail.nextStages.length > 0;
  const mayRecord = open && me.actions.includes('case.update');
  const mayRecordOutcome = me.actions.includes('case.update');
  const juvenileTypes = new Set(['juvenileVictim', 'juvenileSuspect']);

  return (
    <Flex vertical gap={16} data-testid="case-detail">
      <Card
        title={<span data-testid="case-number">{detail.caseNumber}</span>}
        extra={
          <Space>
            {detail.type.startsWith('juvenile') && me.actions.includes('juvenile.read') && (
              <Link to={`/juvenile/cases/${detail.id}`} data-testid="juvenile-case-link">
                未检办案详情（未成年人、一站式询问、督促监护令）
              </Link>
            )}
            {mayRecord && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog('event')} data-testid="record-event">
                记录事件
              </Button>
            )}
            {mayTransition && (
              <Button
                type="primary"
                icon={<ArrowRightOutlined />}
                onClick={() => setDialog('advance')}
                data-testid="advance-stage"
              >
                推进阶段
              </Button>
            )}
          </Space>
        }
      >
        <CaseHeader detail={detail} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="办案经过">
            <CaseTimeline timeline={detail.timeline} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <CaseDeadlines caseId={detail.id} />
            <Card
              title="办案成效"
              extra={
                mayRecordOutcome && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setDialog('outcome')}
                    data-testid="record-outcome"
                  >
                    记录成果
                  </Button>
                )
              }
            >
              <Table<TOutcome>
                rowKey="id"
                size="small"
                columns={outcomeColumns}
                dataSource={detail.outcomes}
                pagination={false}
                locale={{ emptyText: '尚未记录办案成效' }}
                data-testid="case-outcomes"
              />
            </Card>
            <Card title="关联线索">
              <Table<TLinkedClue>
                rowKey="id"
                size="small"
                columns={clueColumns}
                dataSource={detail.clues}
                pagination={false}
                locale={{ emptyText: '无关联线索' }}
                data-testid="case-clues"
              />
            </Card>
            <CaseLinks detail={detail} />
            <CaseDocuments documents={detail.documents} />
          </Flex>
        </Col>
      </Row>
      {isPilCaseType(detail.type) && <CasePublicInterest detail={detail} mayEdit={mayRecordOutcome} />}
      {(detail.type === 'adminPublicInterest' || detail.type === 'civilPublicInterest') && (
        <CaseConsultations caseId={detail.id} mayEdit={mayRecordOutcome} />
      )}
      {detail.type === 'supportedSuit' && <CaseApplicants caseId={detail.id} mayEdit={mayRecordOutcome} />}
      {detail.type === 'adminViolation' && (
        <CaseAdminViolation caseId={detail.id} mayEdit={mayRecordOutcome} />
      )}
      {detail.type === 'adminDisputeResolution' && (
        <AdminDispute caseId={detail.id} mayEdit={mayRecordOutcome} />
      )}
      <CaseHearings caseId={detail.id} mayEdit={mayRecordOutcome} />
      <JudicialAidSection caseId={detail.id} mayEdit={me.actions.includes('judicialAid.write')} />
      <CaseSuggestions detail={detail} />
      {!juvenileTypes.has(detail.type) && (
        <CaseAdvisers
          caseId={detail.id}
          mayManage={
            me.actions.includes('caseAdviser.manage') &&
            (seesAllDepartments(me) || me.department?.id === detail.department.id)
          }
        />
      )}
      <AdvanceStageModal detail={detail} open={dialog === 'advance'} onClose={() => setDialog(null)} />
      <RecordEventModal
        caseId={detail.id}
        openedAt={detail.openedAt}
        open={dialog === 'event'}
        onClose={() => setDialog(null)}
      />
      <RecordOutcomeModal caseId={detail.id} open={dialog === 'outcome'} onClose={() => setDialog(null)} />
    </Flex>
  );
}
