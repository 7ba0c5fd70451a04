import type { TParty } from '@procura/server/clues/schema';

/** Columns of a party list (clue page, case page). */
export const partyColumns = [
  {
    title: '类别',
    key: 'kind',
    width: 90,
    render: (_: unknown, p: TParty) => (p.kind === 'person' ? '自然人' : '单位'),
  },
  { title: '姓名 / 名称', dataIndex: 'name' },
  { title: '公民身份号码', dataIndex: 'idNumber', render: (id: string | null) => id ?? '—' },
];
