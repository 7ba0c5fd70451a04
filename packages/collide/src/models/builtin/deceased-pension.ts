import type { TModelSpecInput } from '../spec.ts';

export const deceasedPension: TModelSpecInput = {
  id: 'deceased-pension',
  name: '死亡人员养老金被冒领',
  description: '养老金所属月份晚于死亡当月（死亡当月的养老金照发，次月起应停发）。',
  inputs: [
    {
      role: 'pensions',
      label: '养老金发放明细',
      columns: { idNumber: {}, name: { optional: true, blank: 'allow' }, payMonth: {}, amount: {} },
    },
    {
      role: 'deaths',
      label: '死亡人员名单（火化、户籍注销、医学死亡证明）',
      columns: { idNumber: {}, name: { optional: true, blank: 'allow' }, deathDate: {} },
    },
  ],
  subject: { facts: 'pensions', against: 'deaths', keys: ['idNumber'], suspected: { minScore: 0.8 } },
  conditions: [
    { kind: 'compare', left: 'pensions.payMonth', op: '>', right: 'deaths.deathDate', unit: 'month' },
  ],
  aggregate: { amount: 'pensions.amount' },
  explanation:
    '{name}（{idNumber}）已于 {deaths.deathDate} 死亡，其后 {pensions.payMonth|min} 至 {pensions.payMonth|max} 仍发放养老金 {count} 笔，共计 {amount} 元。',
};
