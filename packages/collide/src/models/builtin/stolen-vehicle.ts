import type { TModelSpecInput } from '../spec.ts';

export const stolenVehicle: TModelSpecInput = {
  id: 'stolen-vehicle',
  name: '盗窃案赃物未返还',
  description: '盗窃案件中被盗车辆（按车架号或发动机/电机号）已被查扣或追回，但尚未发还（发还日期为空）。',
  inputs: [
    {
      role: 'stolen',
      label: '盗窃案件被盗车辆',
      columns: {
        caseNumber: { optional: true, blank: 'allow' },
        name: { optional: true, blank: 'allow' },
        idNumber: { optional: true, blank: 'allow' },
        frame: { optional: true, blank: 'allow' },
        motor: { optional: true, blank: 'allow' },
        plate: { optional: true, blank: 'allow' },
      },
    },
    {
      role: 'seized',
      label: '查扣、追回车辆',
      columns: {
        frame: { optional: true, blank: 'allow' },
        motor: { optional: true, blank: 'allow' },
        startDate: { optional: true, blank: 'allow' },
        returnedDate: { blank: 'allow' },
      },
    },
  ],
  subject: { facts: 'stolen', against: 'seized', keys: ['frame', 'motor'] },
  conditions: [{ kind: 'blank', column: 'seized.returnedDate' }],
  explanation:
    '被盗车辆 {subject}（案号 {stolen.caseNumber}，失主 {name}）已于 {seized.startDate} 查扣或追回，至今未发还。',
};
