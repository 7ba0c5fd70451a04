import type { TModelSpecInput } from '../spec.ts';

export const foodBlacklist: TModelSpecInput = {
  id: 'food-blacklist',
  name: '食品行业从业禁止人员从业',
  description:
    '食品经营许可证持有人、法定代表人或食品安全管理人员，在核查日处于食品行业从业禁止期内（结束日期为空表示终身禁止）。',
  inputs: [
    {
      role: 'holders',
      label: '食品经营许可持证人及管理人员',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        organisation: { optional: true, blank: 'allow' },
      },
    },
    {
      role: 'blacklist',
      label: '食品安全从业禁止名单',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        startDate: {},
        endDate: { blank: 'allow', blankMeans: '终身' },
      },
    },
  ],
  subject: { facts: 'holders', against: 'blacklist', keys: ['idNumber'], suspected: { minScore: 0.8 } },
  conditions: [
    { kind: 'within', value: { param: 'asOf' }, from: 'blacklist.startDate', to: 'blacklist.endDate' },
  ],
  explanation:
    '{name}（{idNumber}）在 {holders.organisation} 从事食品经营或管理，但处于从业禁止期（{blacklist.startDate~blacklist.endDate}）。',
};
