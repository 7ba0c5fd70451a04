import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TParty } from '@procura/server/clues/schema';
import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { partyColumns } from '../clues/PartiesTable.tsx';

type TRelated = TCaseDetail['relatedCases'][number];

const relatedColumns = [
  {
    title: '案号',
    key: 'caseNumber',
    width: 210,
    render: (_: unknown, c: TRelated) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>,
  },
  { title: '案件名称', dataIndex: 'title' },
  { title: '部门', dataIndex: 'department', width: 110 },
  { title: '阶段', dataIndex: 'stageLabel', width: 100 },
  { title: '共同当事人', key: 'shared', render: (_: unknown, c: TRelated) => c.shared.join('、') },
];

/** 当事人 and 相关案件 of the case page: who the case is about, and other cases about them. */
export function CaseLinks({ detail }: { detail: TCaseDetail }) {
  return (
    <>
      <Card title="当事人">
        <Table<TParty & { key: number }>
          size="small"
          columns={partyColumns}
          dataSource={detail.parties.map((party, index) => ({ ...party, key: index }))}
          pagination={false}
          locale={{ emptyText: '线索未登记当事人' }}
          data-testid="case-parties"
        />
      </Card>
      <Card title="相关案件">
        <Table<TRelated>
          rowKey="id"
          size="small"
          columns={relatedColumns}
          dataSource={detail.relatedCases}
          pagination={false}
          locale={{ emptyText: '没有涉及同一当事人的其他案件' }}
          data-testid="case-related"
        />
      </Card>
    </>
  );
}
