import type { TModelSpecInput } from '../spec.ts';

export const bannedDriver: TModelSpecInput = {
  id: 'banned-driver',
  name: '违规持有驾驶证',
  description:
    '驾驶证状态正常的人员，在核查日有尚在期内的禁驾记录（吸毒成瘾未戒断、肇事逃逸终生禁驾、醉驾吊销未满期限；结束日期为空表示未结束或终生）。',
  inputs: [
    {
      role: 'licences',
      label: '机动车驾驶证持证人员',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        status: { optional: true, blank: 'allow' },
      },
    },
    {
      role: 'records',
      label: '禁驾记录（吸毒、肇事逃逸、醉驾吊销）',
      columns: {
        idNumber: {},
        name: { optional: true, blank: 'allow' },
        kind: { example: '醉酒驾驶' },
        startDate: {},
        endDate: { blank: 'allow', blankMeans: '未结束' },
      },
    },
  ],
  subject: { facts: 'licences', against: 'records', keys: ['idNumber'] },
  conditions: [
    {
      kind: 'in',
      column: 'licences.status',
      values: ['注销', '吊销', '撤销', '停止使用'],
      match: 'contains',
      negate: true,
      blankHolds: true,
    },
    { kind: 'within', value: { param: 'asOf' }, from: 'records.startDate', to: 'records.endDate' },
  ],
  explanation:
    '{name}（{idNumber}）持有驾驶证，但有尚在期内的禁驾记录：{records.kind}（{records.startDate~records.endDate}）。',
};
