import type { TModelSpecInput } from '../spec.ts';

export const childSectorEmployment: TModelSpecInput = {
  id: 'child-sector-employment',
  name: '密切接触未成年人行业入职查询',
  description:
    '学校、幼儿园、培训机构等密切接触未成年人单位的工作人员，有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录。',
  inputs: [
    {
      role: 'staff',
      label: '密切接触未成年人单位工作人员',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        organisation: { optional: true, blank: 'allow' },
      },
    },
    {
      role: 'records',
      label: '违法犯罪记录',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        kind: { example: '猥亵儿童罪' },
        startDate: { optional: true, blank: 'allow' },
      },
    },
  ],
  subject: { facts: 'staff', against: 'records', keys: ['idNumber'], suspected: { minScore: 0.8 } },
  conditions: [
    {
      kind: 'in',
      column: 'records.kind',
      values: [
        '性侵',
        '强奸',
        '猥亵',
        '虐待',
        '拐卖',
        '拐骗',
        '暴力',
        '故意伤害',
        '故意杀人',
        '组织卖淫',
        '引诱',
      ],
      match: 'contains',
    },
  ],
  explanation:
    '{name}（{idNumber}）在 {staff.organisation} 工作，有 {records.kind} 记录（{records.startDate}）。',
};
