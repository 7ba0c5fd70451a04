import type { TDeadline } from '@procura/server/deadlines/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';

type TKind = TSuggestion['kind'];
type TState = TSuggestion['state'];

/** Short names for tables and filters; the server's kindLabel is the full one (诉前检察建议…). */
export const kindNames: Record<TKind, string> = {
  preLitigation: '诉前',
  general: '一般',
  socialGovernance: '社会治理',
  classCase: '类案',
};

export const kindOptions = (Object.keys(kindNames) as TKind[]).map((value) => ({
  value,
  label: kindNames[value],
}));

export const stateOptions: { value: TState; label: string; color: string }[] = [
  { value: 'draft', label: '草稿', color: 'default' },
  { value: 'pendingApproval', label: '待审批', color: 'gold' },
  { value: 'approved', label: '已审批', color: 'cyan' },
  { value: 'issued', label: '已签发', color: 'blue' },
  { value: 'delivered', label: '已送达', color: 'geekblue' },
  { value: 'replied', label: '已回复', color: 'purple' },
  { value: 'closed', label: '已办结', color: 'green' },
];

export const rectificationOptions: { value: NonNullable<TSuggestion['rectification']>; label: string }[] = [
  { value: 'fullyRectified', label: '到位' },
  { value: 'partlyRectified', label: '部分到位' },
  { value: 'notRectified', label: '未整改' },
];

export const followUpOptions: { value: NonNullable<TSuggestion['followUp']>; label: string }[] = [
  { value: 'followUpSupervision', label: '跟进监督' },
  { value: 'litigation', label: '提起诉讼' },
  { value: 'none', label: '无' },
];

export const deadlineColors: Record<TDeadline['status'], string> = {
  open: 'blue',
  dueSoon: 'orange',
  overdue: 'red',
  done: 'green',
  paused: 'default',
};
