import { letterTopicIds, letterTopics } from '@procura/domain/mailbox/topics';

export const topicOptions = letterTopicIds.map((id) => ({ value: id, label: letterTopics[id].label }));

export const letterStatusOptions = [
  { value: 'new' as const, label: '未读' },
  { value: 'read' as const, label: '已读' },
  { value: 'answered' as const, label: '已答复' },
];

export const schoolKindOptions = [
  { value: 'primary' as const, label: '小学' },
  { value: 'middle' as const, label: '中学' },
  { value: 'kindergarten' as const, label: '幼儿园' },
  { value: 'vocational' as const, label: '职业学校' },
  { value: 'training' as const, label: '校外培训机构' },
  { value: 'other' as const, label: '其他' },
];
