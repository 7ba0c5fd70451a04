import type { THit } from '@procura/server/models/schema';
import { Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { yuan } from './format.ts';

const statusColor: Record<THit['status'], string> = {
  pending: 'default',
  confirmed: 'blue',
  dismissed: 'default',
  clue: 'green',
};

function Evidence({ hit, labels }: { hit: THit; labels: Record<string, string> }) {
  return (
    <Table
      size="small"
      rowKey={(e) => `${e.file}:${e.row}`}
      pagination={false}
      dataSource={hit.evidence}
      columns={[
        { title: '来源文件', dataIndex: 'file' },
        { title: '行号', dataIndex: 'row', width: 70 },
        {
          title: '清洗后的值',
          key: 'values',
          render: (_, e) =>
            Object.entries(e.values)
              .filter(([, v]) => v !== null && v !== '')
              .map(([k, v]) => `${labels[k] ?? k} ${v}`)
              .join('；'),
        },
      ]}
    />
  );
}

/** 命中: one row a subject, its sentence, its review, evidence rows when expanded. */
export function HitsTable(props: {
  hits: THit[] | undefined;
  columnLabels: Record<string, string>;
  loading: boolean;
  selectable: boolean;
  canReadClues: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
}) {
  return (
    <Table<THit>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={props.hits}
      data-testid="hits-table"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowSelection={
        props.selectable
          ? {
              selectedRowKeys: props.selected,
              onChange: (keys) => props.onSelect(keys as number[]),
              getCheckboxProps: (hit) =>
                ({ disabled: hit.status === 'clue', 'data-testid': `select-hit-${hit.id}` }) as object,
            }
          : undefined
      }
      expandable={{ expandedRowRender: (hit) => <Evidence hit={hit} labels={props.columnLabels} /> }}
      columns={[
        {
          title: '对象',
          key: 'who',
          width: 220,
          render: (_, hit) => (
            <Flex vertical>
              <span>
                {hit.name ?? '（无姓名）'} {hit.isNew && <Tag color="red">新增</Tag>}
              </span>
              <Typography.Text type="secondary" copyable>
                {hit.idNumber ?? hit.subject}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: '笔数', dataIndex: 'count', width: 60 },
        { title: '金额', key: 'amount', width: 110, render: (_, hit) => yuan(hit.amountFen) },
        {
          title: '匹配',
          key: 'confidence',
          width: 90,
          render: (_, hit) =>
            hit.confidence === 'exact' ? '精确' : <Tag color="orange">疑似 {hit.score?.toFixed(2)}</Tag>,
        },
        { title: '说明', dataIndex: 'explanation' },
        {
          title: '审查',
          key: 'status',
          width: 180,
          render: (_, hit) => (
            <Flex vertical gap={2}>
              <span>
                <Tag color={statusColor[hit.status]} data-testid={`hit-status-${hit.id}`}>
                  {hit.statusLabel}
                </Tag>
              </span>
              {hit.clue &&
                (props.canReadClues ? (
                  <Link to={`/clues/${hit.clue.id}`}>
                    线索 #{hit.clue.id}（{hit.clue.status}）
                  </Link>
                ) : (
                  <span data-testid={`hit-clue-${hit.id}`}>
                    线索 #{hit.clue.id}（{hit.clue.status}）
                  </span>
                ))}
              {hit.dismissReason && (
                <Typography.Text type="secondary">理由：{hit.dismissReason}</Typography.Text>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
