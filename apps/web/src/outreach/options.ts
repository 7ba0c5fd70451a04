export const outreachKindOptions = [
  { value: 'lawToSchool' as const, label: '法治进校园' },
  { value: 'littleProsecutor' as const, label: '小小检察官体验' },
  { value: 'toCommunity' as const, label: '法治进社区' },
];
