import type { TInvitedCase } from '@procura/server/class-supervision/schema';
import { Card, Descriptions, Flex, Table, Timeline } from 'antd';
import { useParams } from 'react-router';
import { CaseDocuments } from '../cases/CaseDocuments.tsx';
import { NotFound } from '../layout/NotFound.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { useInvitedCase } from './api.ts';

/** A case as its 特邀检察官助理 reads it: the case, its timeline, outcomes and suggestions. */
export default function InvitedCaseDetailPage() {
  const id = Number(useParams().id);
  const query = useInvitedCase(id);
  if (query.isError) return <NotFound />;
  const data = query.data;
  if (!data) return <Card loading />;
  const c = data.case;
  return (
    <Flex vertical gap={16}>
      <Card title={`${c.caseNumber} ${c.title}`} data-testid="invited-case-detail">
        <Descriptions
          column={2}
          items={[
            { key: 'type', label: '案件类型', children: c.typeLabel },
            { key: 'stage', label: '阶段', children: c.stageLabel },
            { key: 'department', label: '承办部门', children: c.department.name },
            { key: 'handler', label: '承办人', children: c.handler?.name ?? '—' },
            { key: 'opened', label: '立案时间', children: formatDateTime(c.openedAt) },
            { key: 'closed', label: '结案时间', children: c.closedAt ? formatDateTime(c.closedAt) : '—' },
          ]}
        />
      </Card>
      <Card title="办案过程">
        <Timeline
          items={data.timeline.map((e) => ({
            key: e.id,
            content: `${formatDateTime(e.at)} ${e.label}（${e.actor}）${e.note ? `：${e.note}` : ''}`,
          }))}
        />
      </Card>
      <Card title="检察建议">
        <Table<TInvitedCase['suggestions'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.suggestions}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '种类', key: 'kind', render: (_, s) => s.kindLabel },
            { title: '主送单位', key: 'addressee', render: (_, s) => s.addressee || '—' },
            { title: '文号', key: 'doc', render: (_, s) => s.docNumber ?? '（未签发）' },
            { title: '状态', key: 'state', render: (_, s) => s.stateLabel },
          ]}
        />
      </Card>
      <CaseDocuments documents={data.documents} />
      <Card title="办案成效">
        <Table<TInvitedCase['outcomes'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.outcomes}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '成效', key: 'label', render: (_, o) => o.label },
            { title: '数额', key: 'text', render: (_, o) => o.text },
          ]}
        />
      </Card>
    </Flex>
  );
}
