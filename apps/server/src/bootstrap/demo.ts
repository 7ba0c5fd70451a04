import type { TLine, TRole } from '@procura/domain/roles';

/** The demo procuratorate: clearly marked 演示数据, modelled on the seed's departments. */
export const demoProcuratorate = { name: '成都市成华区人民检察院', shortName: '成华' };

/** The casework departments assess a clue within 30 days: a 部门设置 the admin changes. */
export const demoDepartments: { name: string; line: TLine; clueAssessmentDays?: number }[] = [
  { name: '检察长办公室', line: 'office' },
  { name: '第一检察部', line: 'criminal', clueAssessmentDays: 30 },
  { name: '第四检察部', line: 'civilAdministrative', clueAssessmentDays: 30 },
  { name: '第五检察部', line: 'publicInterest', clueAssessmentDays: 30 },
  { name: '第六检察部', line: 'juvenile', clueAssessmentDays: 30 },
  { name: '案件管理部', line: 'caseManagement' },
  { name: '政治部', line: 'political' },
];

/** One password for every demo account; shown on the login page only while demo mode is on. */
export const demoPassword = 'Chenghua2026';

export const demoUsers: { username: string; displayName: string; role: TRole; department: string | null }[] =
  [
    { username: 'chief', displayName: '林正（演示）', role: 'chief', department: '检察长办公室' },
    { username: 'deputy', displayName: '周立（演示）', role: 'deputyChief', department: '检察长办公室' },
    { username: 'head5', displayName: '陈敏（演示）', role: 'departmentHead', department: '第五检察部' },
    { username: 'prosecutor1', displayName: '李华（演示）', role: 'prosecutor', department: '第一检察部' },
    { username: 'assistant5', displayName: '赵磊（演示）', role: 'assistant', department: '第五检察部' },
    // 第六检察部 is the juvenile department (未检): its head and a prosecutor show its work.
    { username: 'head6', displayName: '何静（演示）', role: 'departmentHead', department: '第六检察部' },
    { username: 'prosecutor6', displayName: '孙悦（演示）', role: 'prosecutor', department: '第六检察部' },
    { username: 'clerk6', displayName: '吴悦（演示）', role: 'clerk', department: '第六检察部' },
    { username: 'analyst', displayName: '孙晓（演示）', role: 'analyst', department: '案件管理部' },
    { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', department: '政治部' },
    { username: 'school1', displayName: '成华区演示实验小学（演示）', role: 'school', department: null },
    // 检行协作: an officer seconded from the market regulator, added to cases by their deciders.
    {
      username: 'invited1',
      displayName: '王建（成华区市场监管局，演示）',
      role: 'invitedAssistant',
      department: null,
    },
    // 外部单位门户: an account of an outside organisation (bound to one by the admin).
    { username: 'org1', displayName: '成华区市场监督管理局（演示）', role: 'organisation', department: null },
    // 政治部（组织人事）: runs team assessment (考核方案, approvals, grades).
    { username: 'personnel1', displayName: '杨帆（演示）', role: 'personnel', department: '政治部' },
    // One account per role in every department that has the role: each casework department has a
    // head, a prosecutor, an assistant and a clerk. (Tests create their own "prosecutor5" in
    // 第五检察部, so its demo prosecutor is prosecutor5a.)
    { username: 'head1', displayName: '刘洋（演示）', role: 'departmentHead', department: '第一检察部' },
    { username: 'assistant1', displayName: '郑凯（演示）', role: 'assistant', department: '第一检察部' },
    { username: 'clerk1', displayName: '冯雪（演示）', role: 'clerk', department: '第一检察部' },
    { username: 'head4', displayName: '许晴（演示）', role: 'departmentHead', department: '第四检察部' },
    { username: 'prosecutor4', displayName: '马骏（演示）', role: 'prosecutor', department: '第四检察部' },
    { username: 'assistant4', displayName: '胡蓉（演示）', role: 'assistant', department: '第四检察部' },
    { username: 'clerk4', displayName: '郭婷（演示）', role: 'clerk', department: '第四检察部' },
    { username: 'prosecutor5a', displayName: '唐亮（演示）', role: 'prosecutor', department: '第五检察部' },
    { username: 'clerk5', displayName: '韩梅（演示）', role: 'clerk', department: '第五检察部' },
    { username: 'assistant6', displayName: '曹宇（演示）', role: 'assistant', department: '第六检察部' },
  ];
