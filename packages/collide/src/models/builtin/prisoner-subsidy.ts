import type { TModelSpecInput } from '../spec.ts';
import { custodyColumn, heldInCustody } from './custody.ts';

export const prisonerSubsidy: TModelSpecInput = {
  id: 'prisoner-subsidy',
  name: '服刑人员违规领取补(救)助金',
  description:
    '补(救)助金发放日期落在某段在押服刑期间内（含入监当日与出监当日）；判处管制、宣告缓刑、暂予监外执行、假释等在监外的期间不算。',
  inputs: [
    {
      role: 'payments',
      label: '补(救)助金发放名单',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        paidDate: {},
        amount: {},
        kind: { optional: true, blank: 'allow' },
      },
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
  subject: { facts: 'payments', against: 'prisoners', keys: ['idNumber'], suspected: { minScore: 0.8 } },
  conditions: [
    { kind: 'within', value: 'payments.paidDate', from: 'prisoners.admitted', to: 'prisoners.released' },
    // A person under a community sentence lives at home and may be owed assistance.
    heldInCustody,
  ],
  aggregate: { amount: 'payments.amount' },
  explanation:
    '{name}（{idNumber}）于 {prisoners.admitted~prisoners.released} 服刑期间领取补(救)助金 {count} 次，共计 {amount} 元。',
};
