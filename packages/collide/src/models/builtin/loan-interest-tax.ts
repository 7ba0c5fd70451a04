import type { TModelSpecInput } from '../spec.ts';

export const loanInterestTax: TModelSpecInput = {
  id: 'loan-interest-tax',
  name: '民间借贷利息收入漏缴税款',
  description: '民间借贷判决判给出借人利息，但税务记录中没有该出借人缴纳利息所得税的记录。',
  inputs: [
    {
      role: 'judgments',
      label: '民间借贷判决（出借人）',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        caseNumber: { optional: true, blank: 'allow' },
        interest: {},
        startDate: { optional: true, blank: 'allow' },
      },
    },
    {
      role: 'taxes',
      label: '个人所得税缴纳记录',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        kind: { optional: true, blank: 'allow' },
      },
    },
  ],
  subject: { facts: 'judgments', against: 'taxes', keys: ['idNumber'], mode: 'absent' },
  conditions: [
    { kind: 'compare', left: 'judgments.interest', op: '>', right: { number: 0 } },
    { kind: 'in', column: 'taxes.kind', values: ['利息'], match: 'contains', blankHolds: true },
  ],
  aggregate: { amount: 'judgments.interest' },
  explanation:
    '{name}（{idNumber}）经判决（{judgments.caseNumber}）获得利息 {amount} 元，未见利息所得纳税记录。',
};
