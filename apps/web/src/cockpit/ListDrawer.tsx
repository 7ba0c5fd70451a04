import type { TCase } from '@procura/server/cases/schema';
import type { TClue } from '@procura/server/clues/schema';
import type { TDeadline } from '@procura/server/deadlines/schema';
import type { TFollowUp } from '@procura/server/juvenile/schema';
import type { TLetter } from '@procura/server/mailbox/schema';
import type { TOutreachEvent } from '@procura/server/outreach/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Alert, Drawer, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../shared/dates.ts';
import { type TListLink, useLinkedList } from './api.ts';

type TRow = TCase | TClue | TSuggestion | TDeadline | TLetter | TFollowUp | TOutreachEvent;

const caseColumns: TableColumnsType<TCase> = [
  {
    title: '案号',
    key: 'n',
    width: 230,
    render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>,
  },
  { title: '案件名称', dataIndex: 'title' },
  { title: '阶段', dataIndex: 'stageLabel', width: 110 },
  { title: '部门', key: 'd', width: 120, render: (_, c) => c.department.name },
  { title: '立案日期', key: 'o', width: 110, render: (_, c) => formatDate(c.openedAt) },
];
const clueColumns: TableColumnsType<TClue> = [
  { title: '线索', key: 't', render: (_, c) => <Link to={`/clues/${c.id}`}>{c.title}</Link> },
  { title: '来源', dataIndex: 'sourceLabel', width: 120 },
  { title: '状态', dataIndex: 'statusLabel', width: 90 },
  { title: '部门', key: 'd', width: 120, render: (_, c) => c.department.name },
  { title: '受理日期', key: 'r', width: 110, render: (_, c) => formatDate(c.receivedAt) },
];
const suggestionColumns: TableColumnsType<TSuggestion> = [
  { title: '文号', key: 'n', width: 230, render: (_, s) => s.docNumber ?? '（未签发）' },
  { title: '被建议单位', dataIndex: 'addressee' },
  { title: '状态', dataIndex: 'stateLabel', width: 100 },
  { title: '整改情况', key: 'r', width: 100, render: (_, s) => s.rectificationLabel ?? '—' },
  { title: '签发日期', key: 'i', width: 110, render: (_, s) => formatDate(s.issuedAt) },
];

const deadlineColumns: TableColumnsType<TDeadline> = [
  {
    title: '案件或线索',
    key: 'r',
    width: 230,
    render: (_, d) => (
      <Link to={d.record.kind === 'case' ? `/cases/${d.record.id}` : `/clues/${d.record.id}`}>
        {d.record.label}
      </Link>
    ),
  },
  { title: '期限', dataIndex: 'name' },
  { title: '部门', key: 'd', width: 120, render: (_, d) => d.record.department.name },
  { title: '届满日', key: 'due', width: 110, render: (_, d) => d.due ?? '—' },
  { title: '完成日', key: 'done', width: 110, render: (_, d) => d.completedOn ?? '未完成' },
];

const letterColumns: TableColumnsType<TLetter> = [
  {
    title: '来信',
    key: 'b',
    ellipsis: true,
    render: (_, l) => <Link to={`/mailbox/letters/${l.id}`}>{l.body}</Link>,
  },
  { title: '学校', key: 's', width: 160, render: (_, l) => l.school.name },
  { title: '主题', dataIndex: 'topicLabel', width: 110 },
  { title: '状态', dataIndex: 'statusLabel', width: 90 },
  { title: '来信日期', key: 'c', width: 110, render: (_, l) => formatDate(l.createdAt) },
];

const followUpColumns: TableColumnsType<TFollowUp> = [
  { title: '帮教对象', dataIndex: 'minorName', width: 120 },
  { title: '类型', dataIndex: 'subjectLabel', width: 120 },
  { title: '部门', key: 'd', width: 120, render: (_, f) => f.department.name },
  { title: '结果', dataIndex: 'outcomeLabel', width: 100 },
  { title: '结束日期', key: 'c', width: 110, render: (_, f) => formatDate(f.closedAt) },
];

const outreachColumns: TableColumnsType<TOutreachEvent> = [
  { title: '活动', dataIndex: 'title' },
  { title: '类型', dataIndex: 'kindLabel', width: 120 },
  { title: '参加对象', dataIndex: 'audience', width: 140 },
  { title: '人数', dataIndex: 'participantCount', width: 80 },
  { title: '活动日期', dataIndex: 'heldOn', width: 110 },
];

const columnsByPath: Record<string, TableColumnsType<never>> = {
  '/api/clues': clueColumns as TableColumnsType<never>,
  '/api/suggestions': suggestionColumns as TableColumnsType<never>,
  '/api/deadlines': deadlineColumns as TableColumnsType<never>,
  '/api/mailbox/letters': letterColumns as TableColumnsType<never>,
  '/api/juvenile/follow-ups': followUpColumns as TableColumnsType<never>,
  '/api/outreach-events': outreachColumns as TableColumnsType<never>,
};
const columnsOf = (path: string) => (columnsByPath[path] ?? caseColumns) as TableColumnsType<TRow>;

/**
 * The list a chart segment counts, opened beside the cockpit: the same list API and filters as the
 * list pages, so its total is the figure (less the sealed records the user's lists never show).
 */
export function ListDrawer(props: {
  title: string;
  link: TListLink | null;
  hidden: number;
  onClose: () => void;
}) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useLinkedList<TRow>(props.link, page);
  return (
    <Drawer
      title={props.title}
      open={props.link !== null}
      onClose={props.onClose}
      width={960}
      destroyOnHidden
      data-testid="cockpit-list"
    >
      {props.hidden > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`另有 ${props.hidden} 件涉及已封存的未成年人犯罪记录，计入数字但不在列表中显示`}
        />
      ) : null}
      {props.link ? (
        <Table<TRow>
          rowKey="id"
          size="small"
          columns={columnsOf(props.link.path)}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => <span data-testid="cockpit-list-total">共 {total} 条</span>,
            onChange: (next, pageSize) => setPage({ page: next, pageSize }),
          }}
        />
      ) : null}
    </Drawer>
  );
}
