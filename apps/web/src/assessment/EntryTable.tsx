import {
  appealStatusLabels,
  entryKindLabels,
  entryOriginLabels,
  entryStatusLabels,
} from '@procura/domain/assessment/schemes';
import type { TEntry } from '@procura/server/assessment/schema';
import { Descriptions, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Attachments } from '../attachments/Attachments.tsx';
import { formatDateTime } from '../shared/dates.ts';

const statusColour: Record<TEntry['status'], string> = {
  proposed: 'orange',
  submitted: 'gold',
  reviewed: 'blue',
  approved: 'green',
  rejected: 'default',
  revoked: 'default',
};

export const pointsText = (entry: TEntry) =>
  entry.points !== null
    ? entry.points > 0
      ? `+${entry.points}`
      : String(entry.points)
    : `${entry.value ?? ''}`;

/**
 * Assessment entries: person, kind, points, status; the row opens to its rule, cited record
 * (a link), evidence files and appeal. `actions` renders the buttons a role has on a row.
 */
export function EntryTable(props: {
  entries: TEntry[];
  loading: boolean;
  actions?: (entry: TEntry) => ReactNode;
  canUpload?: (entry: TEntry) => boolean;
  showPerson?: boolean;
  testId: string;
}) {
  return (
    <Table<TEntry>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.entries}
      pagination={{ pageSize: 20 }}
      data-testid={props.testId}
      onRow={(entry) => ({ 'data-testid': `entry-row-${entry.id}` }) as object}
      expandable={{
        expandRowByClick: false,
        expandedRowRender: (entry) => (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="来源">{entryOriginLabels[entry.origin]}</Descriptions.Item>
            {entry.ruleLabel && <Descriptions.Item label="积分条款">{entry.ruleLabel}</Descriptions.Item>}
            {entry.indicatorName && <Descriptions.Item label="指标">{entry.indicatorName}</Descriptions.Item>}
            {entry.record && (
              <Descriptions.Item label="依据记录">
                {entry.record.link ? (
                  <Link to={entry.record.link} data-testid={`entry-record-${entry.id}`}>
                    {entry.record.label}
                  </Link>
                ) : (
                  entry.record.label
                )}
              </Descriptions.Item>
            )}
            {entry.proposedByName && (
              <Descriptions.Item label="提出人">{entry.proposedByName}</Descriptions.Item>
            )}
            {entry.decisionNote && (
              <Descriptions.Item label="审批意见">{entry.decisionNote}</Descriptions.Item>
            )}
            {entry.appealClosesOn && (
              <Descriptions.Item label="复核申请截止">{entry.appealClosesOn}</Descriptions.Item>
            )}
            {entry.appeal && (
              <Descriptions.Item label="复核">
                <div data-testid={`entry-appeal-${entry.id}`}>
                  申请（{formatDateTime(entry.appeal.filedAt)}）：{entry.appeal.reason}
                  <br />
                  {entry.appeal.status === 'pending'
                    ? '复核中'
                    : `决定：${appealStatusLabels[entry.appeal.status]}。${entry.appeal.decision ?? ''}（${entry.appeal.decidedByName ?? ''}，${formatDateTime(entry.appeal.decidedAt)}）`}
                </div>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="证明材料">
              <Attachments
                basePath={`/api/assessment-entries/${entry.id}/attachments`}
                files={entry.evidence}
                canUpload={props.canUpload?.(entry) ?? false}
                refresh={[['assessment']]}
                testId={`entry-evidence-${entry.id}`}
              />
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
      columns={[
        ...(props.showPerson === false
          ? []
          : [
              {
                title: '人员',
                dataIndex: 'userName',
                render: (name: string, entry: TEntry) =>
                  `${name}${entry.departmentName ? `（${entry.departmentName}）` : ''}`,
              },
            ]),
        { title: '类别', dataIndex: 'kind', render: (kind: TEntry['kind']) => entryKindLabels[kind] },
        { title: '事项', dataIndex: 'title' },
        { title: '日期', dataIndex: 'occurredOn' },
        { title: '分值/数值', key: 'points', render: (_: unknown, entry: TEntry) => pointsText(entry) },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: TEntry['status'], entry: TEntry) => (
            <Tag color={statusColour[status]} data-testid={`entry-status-${entry.id}`}>
              {entryStatusLabels[status]}
            </Tag>
          ),
        },
        ...(props.actions
          ? [{ title: '操作', key: 'actions', render: (_: unknown, e: TEntry) => props.actions!(e) }]
          : []),
      ]}
    />
  );
}
