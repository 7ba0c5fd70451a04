import type { TModelSpecInput } from '../spec.ts';
import { custodyColumn, heldInCustody } from './custody.ts';

export const prisonerPension: TModelSpecInput = {
  id: 'prisoner-pension',
  name: '服刑人员违规领取养老金',
  description:
    '养老金所属月份在入监次月至出监当月之间（服刑期间停发，出监次月起恢复）；判处管制、宣告缓刑、暂予监外执行（含保外就医）、假释等在监外执行的期间不算。',
  inputs: [
    {
      role: 'pensions',
      label: '养老金发放明细',
      columns: { idNumber: {}, name: { optional: true, blank: 'allow' }, payMonth: {}, amount: {} },
    },
    {
      role: 'prisoners',
      label: '服刑人员名单（每段刑期一行）',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        admitted: {},
        released: { blank: 'allow', blankMeans: '今' },
        custody: custodyColumn,
      },
    },
  ],
  subject: { facts: 'pensions', against: 'prisoners', keys: ['idNumber'] },
  conditions: [
    {
      kind: 'within',
      value: 'pensions.payMonth',
      from: 'prisoners.admitted',
      to: 'prisoners.released',
      unit: 'month',
      includeFrom: false,
    },
    // Pension stops only while the person is held; it continues under community sentences.
    heldInCustody,
  ],
  aggregate: { amount: 'pensions.amount' },
  explanation:
    '{name}（{idNumber}）于 {prisoners.admitted~prisoners.released} 服刑，期间领取 {pensions.payMonth|min} 至 {pensions.payMonth|max} 养老金 {count} 笔，共计 {amount} 元。',
};
