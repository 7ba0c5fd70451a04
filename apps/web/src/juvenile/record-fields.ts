import { reportingBodyKinds, type TCaseRecordKind } from '@procura/domain/juvenile/case-records';

export type TFieldSpec = {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'yuan' | 'select';
  required?: boolean;
  options?: { value: string; label: string }[];
  extra?: string;
};

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The form fields of each juvenile record; the server validates the same data (case-records.ts). */
export const recordFields: Record<TCaseRecordKind, TFieldSpec[]> = {
  earlyIntervention: [
    { name: 'requestedBy', label: '商请机关', type: 'text', required: true },
    { name: 'requestedOn', label: '商请日期', type: 'date', required: true },
    { name: 'intervenedOn', label: '介入日期', type: 'date', required: true },
    { name: 'evidenceGuidance', label: '引导取证意见', type: 'textarea', required: true },
  ],
  socialInvestigation: [
    { name: 'investigator', label: '调查人或机构', type: 'text', required: true },
    { name: 'reportedOn', label: '报告日期', type: 'date', required: true },
    { name: 'summary', label: '成长经历、犯罪原因、监护教育等情况', type: 'textarea', required: true },
  ],
  interrogation: [
    { name: 'heldOn', label: '讯问日期', type: 'date', required: true },
    { name: 'adultPresent', label: '到场的法定代理人或合适成年人', type: 'text', required: true },
    { name: 'adultRelation', label: '与未成年人关系', type: 'text', required: true },
    { name: 'note', label: '备注', type: 'textarea' },
  ],
  conditionalNonProsecution: [
    { name: 'decidedOn', label: '决定日期', type: 'date', required: true },
    {
      name: 'probationMonths',
      label: '考验期（月）',
      type: 'number',
      required: true,
      extra: '六个月以上一年以下，从决定之日起计算（刑事诉讼法 第二百八十三条）',
    },
    { name: 'supervisionPlan', label: '监督考察计划', type: 'textarea', required: true },
    { name: 'supervisor', label: '考察帮教人员或机构', type: 'text', required: true },
  ],
  occupationalBan: [
    { name: 'suggestedOn', label: '建议日期（提起公诉时）', type: 'date', required: true },
    { name: 'profession', label: '被告人利用的职业', type: 'text', required: true },
    { name: 'years', label: '建议禁止年限', type: 'number', required: true, extra: '三年至五年' },
    { name: 'note', label: '备注', type: 'textarea' },
  ],
  mandatoryReportFailure: [
    { name: 'body', label: '未履行报告义务的单位', type: 'text', required: true },
    {
      name: 'bodyKind',
      label: '单位类别',
      type: 'select',
      required: true,
      options: optionsOf(reportingBodyKinds),
    },
    { name: 'discoveredOn', label: '发现日期', type: 'date', required: true },
    { name: 'accountability', label: '追责措施', type: 'textarea', required: true },
  ],
};

/** A record's data as readable Chinese text, one "label：value" per field. */
export function describeRecord(kind: TCaseRecordKind, data: Record<string, unknown>): string {
  return recordFields[kind]
    .filter((f) => data[f.name] !== undefined && data[f.name] !== null && data[f.name] !== '')
    .map((f) => {
      const value = data[f.name];
      if (f.type === 'yuan') return `${f.label}：${(Number(value) / 100).toFixed(2)} 元`;
      if (f.type === 'select')
        return `${f.label}：${f.options?.find((o) => o.value === value)?.label ?? String(value)}`;
      return `${f.label}：${String(value)}`;
    })
    .join('；');
}
