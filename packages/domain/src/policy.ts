import { roles, type TRole } from './roles.ts';

/**
 * Authorisation as data: every API route names one of these actions, and a request passes
 * only when the user's role is listed. `scope` says which records the action reaches
 * once allowed; services apply it (a department head sees the department, and so on).
 */
type Rule = { roles: readonly TRole[]; scope: 'all' | 'department' | 'own'; label: string };

const everyone = roles;
/** Roles that handle casework: they see their department's records and those assigned to them. */
const caseworkers = ['chief', 'deputyChief', 'departmentHead', 'prosecutor', 'assistant', 'clerk'] as const;
const deciders = ['chief', 'deputyChief', 'departmentHead', 'prosecutor'] as const;
const heads = ['chief', 'deputyChief', 'departmentHead'] as const;

export const policy = {
  'department.list': { roles: everyone, scope: 'all', label: '查看部门' },
  'department.settings': { roles: ['admin'], scope: 'all', label: '部门设置' },
  'user.list': { roles: ['admin'], scope: 'all', label: '查看用户' },
  'user.create': { roles: ['admin'], scope: 'all', label: '创建用户' },
  'user.update': { roles: ['admin'], scope: 'all', label: '修改用户' },
  'user.resetPassword': { roles: ['admin'], scope: 'all', label: '重置密码' },
  // Leadership accounts (检察长/副检察长/部门负责人): the admin asks, the chief decides.
  'accountRequest.read': { roles: ['chief', 'admin'], scope: 'all', label: '查看领导账号审批' },
  'accountRequest.decide': { roles: ['chief'], scope: 'all', label: '审批领导账号的创建、升级和密码重置' },
  'audit.list': { roles: ['chief', 'admin'], scope: 'all', label: '查看审计日志' },
  'audit.verify': { roles: ['chief', 'admin'], scope: 'all', label: '校验审计日志' },
  'clue.read': { roles: caseworkers, scope: 'department', label: '查看线索' },
  // Analysts register clues from model hits (after human review) but do not read casework.
  'clue.create': { roles: [...caseworkers, 'analyst'], scope: 'department', label: '登记线索' },
  'clue.decide': { roles: deciders, scope: 'department', label: '线索处置（立案、不立案、移送）' },
  'clue.transfer': { roles: deciders, scope: 'department', label: '移送线索、记录移送反馈' },
  'case.read': { roles: caseworkers, scope: 'department', label: '查看案件' },
  'case.create': { roles: deciders, scope: 'department', label: '立案' },
  'case.update': { roles: caseworkers, scope: 'department', label: '记录办案过程与成效' },
  'case.transition': { roles: deciders, scope: 'department', label: '变更案件阶段' },
  'suggestion.read': { roles: caseworkers, scope: 'department', label: '查看检察建议' },
  'suggestion.write': {
    roles: caseworkers,
    scope: 'department',
    label: '起草检察建议、生成文书、记录送达回复整改',
  },
  // The use case narrows a department head to the case's own department.
  'suggestion.approve': { roles: heads, scope: 'department', label: '审批检察建议' },
  'suggestion.issue': { roles: deciders, scope: 'department', label: '签发检察建议（分配文号）' },
  'deadline.read': { roles: caseworkers, scope: 'department', label: '查看期限' },
  'deadline.board': { roles: heads, scope: 'department', label: '查看部门期限看板' },
  'deadline.overview': { roles: ['chief', 'deputyChief'], scope: 'all', label: '查看全院期限看板' },
  'deadline.pause': { roles: deciders, scope: 'department', label: '中止、恢复期限' },
  'calendar.manage': { roles: ['admin'], scope: 'all', label: '维护节假日安排' },
  'record.reassign': { roles: heads, scope: 'department', label: '改派线索和案件承办人' },
  // 大数据法律监督模型: analysts work the data; leaders oversee. Hits and data sets hold personal
  // data, so reading them is narrower than seeing the models and their figures.
  'model.read': {
    roles: ['analyst', 'chief', 'deputyChief', 'departmentHead', 'prosecutor'],
    scope: 'all',
    label: '查看大数据监督模型及其运行、成效',
  },
  'dataset.read': { roles: ['analyst', 'chief', 'deputyChief'], scope: 'all', label: '查看模型数据集' },
  'dataset.upload': { roles: ['analyst'], scope: 'all', label: '上传模型数据集' },
  'model.run': { roles: ['analyst'], scope: 'all', label: '运行模型、设置定期运行' },
  'hit.read': {
    roles: ['analyst', 'chief', 'deputyChief'],
    scope: 'all',
    label: '查看模型命中（含个人信息）',
  },
  'hit.review': { roles: ['analyst'], scope: 'all', label: '审查模型命中（确认、排除、转为线索）' },
  // 社会化预防 (juvenile line): services narrow the casework roles to the juvenile department;
  // the chief and deputies see every department.
  'mailbox.read': { roles: caseworkers, scope: 'department', label: '查看校园信箱来信和统计' },
  'mailbox.answer': { roles: caseworkers, scope: 'department', label: '答复校园信箱来信' },
  'mailbox.toClue': { roles: caseworkers, scope: 'department', label: '校园信箱来信转为线索' },
  'school.manage': { roles: deciders, scope: 'department', label: '维护对接学校、信箱链接和学校账号' },
  'employmentCheck.submit': { roles: ['school'], scope: 'own', label: '提交入职查询' },
  'employmentCheck.read': {
    roles: ['school', ...caseworkers],
    scope: 'own',
    label: '查看入职查询记录和结果',
  },
  'offenceRecords.load': {
    roles: [...caseworkers, 'analyst'],
    scope: 'department',
    label: '载入入职查询比对用的违法犯罪记录',
  },
  'outreach.read': { roles: caseworkers, scope: 'all', label: '查看法治宣传活动' },
  'outreach.write': { roles: caseworkers, scope: 'department', label: '登记法治宣传活动' },
  // Juvenile casework (未检). Use cases narrow further: the full record of a minor to the handler,
  // the juvenile head and the chief; sealed records to the juvenile department.
  'juvenile.read': { roles: caseworkers, scope: 'department', label: '查看未成年人检察案件与帮教' },
  'juvenile.write': { roles: caseworkers, scope: 'department', label: '记录未成年人检察办案、帮教事项' },
  'juvenile.approve': { roles: heads, scope: 'department', label: '审批再次询问、决定封存记录查询' },
  'juvenile.seal': { roles: deciders, scope: 'department', label: '封存未成年人犯罪记录' },
  // 公开听证 and 行政争议实质性化解 (issue 14). Hearings and disputes themselves go by the case's
  // case.read / case.update; the pool of 听证员 is the procuratorate's, kept by heads and the admin.
  'hearingOfficer.read': { roles: [...caseworkers, 'admin'], scope: 'all', label: '查看听证员库' },
  'hearingOfficer.manage': {
    roles: [...heads, 'admin'],
    scope: 'all',
    label: '维护听证员库（登记、修改、停用听证员）',
  },
  'hearing.readPublished': { roles: caseworkers, scope: 'all', label: '查看已公开的听证（当事人姓名隐去）' },
  'dispute.statistics': { roles: caseworkers, scope: 'department', label: '查看行政争议化解统计' },
  // 类案监督 and 检行协作 (行政违法行为监督): groups of cases or clues with one problem and their
  // 社会治理类检察建议; 特邀检察官助理 added to a case by a decider of its department read that case
  // only (their own routes; every case.* route refuses them).
  'classCase.read': { roles: caseworkers, scope: 'department', label: '查看类案监督' },
  'classCase.write': {
    roles: caseworkers,
    scope: 'department',
    label: '建立类案、起草社会治理类检察建议、记录各场所整改',
  },
  'caseAdviser.manage': { roles: deciders, scope: 'department', label: '为案件添加、移除特邀检察官助理' },
  'invitedCase.read': { roles: ['invitedAssistant'], scope: 'own', label: '查看受邀参与的案件（只读）' },
  // 司法救助 on a case of any line: the case's caseworkers record the application and the payment;
  // 批准 / 不予救助 is the leadership's. Figures are scoped to the cases the user reaches.
  'judicialAid.write': { roles: caseworkers, scope: 'department', label: '登记司法救助申请、记录发放' },
  'judicialAid.decide': { roles: heads, scope: 'department', label: '决定司法救助（批准、不予救助）' },
  'judicialAid.summary': { roles: caseworkers, scope: 'department', label: '查看司法救助统计' },
  // 网络巡查 (公益诉讼): patrols of online platforms; findings become clues in one step.
  'patrol.read': { roles: caseworkers, scope: 'department', label: '查看网络巡查' },
  'patrol.write': { roles: caseworkers, scope: 'department', label: '登记网络巡查和发现' },
  'patrol.makeClues': { roles: caseworkers, scope: 'department', label: '巡查发现生成线索' },
  // 检察长驾驶舱 and 统计报表 (issue 16): the chief and deputies see the whole procuratorate, a
  // department head their own department (apps/server/src/cockpit/scope.ts).
  'cockpit.read': { roles: heads, scope: 'department', label: '查看检察长驾驶舱和统计报表' },
  // 工作报告 / 白皮书 / 类案分析 (issue 16): drafts from the cockpit's figures, in the cockpit's reach.
  'report.read': { roles: heads, scope: 'department', label: '查看、下载工作报告和白皮书' },
  'report.write': { roles: heads, scope: 'department', label: '生成、修改工作报告和白皮书' },
  // 外部单位门户 (issue 15): the admin keeps the organisations and binds each account to one; the
  // case's caseworkers address a suggestion to one; an organisation's account reaches only what was
  // addressed to its own organisation, by /api/portal routes (every case.* / clue.* refuses it).
  'organisation.manage': { roles: ['admin'], scope: 'all', label: '维护外部单位及其账号' },
  'organisation.list': { roles: [...caseworkers, 'admin'], scope: 'all', label: '查看外部单位名录' },
  'portal.read': { roles: ['organisation'], scope: 'own', label: '外部单位：查看送达本单位的检察建议' },
  'portal.reply': { roles: ['organisation'], scope: 'own', label: '外部单位：在线回复检察建议' },
  // 外部单位门户·移送线索: an organisation's account sends clues and reads what became of the ones
  // its organisation sent (its own routes); inside, the clue's readers see where it came from and
  // its deciders (clue.decide) write feedback to the organisation.
  'portalClue.send': {
    roles: ['organisation'],
    scope: 'own',
    label: '外部单位：经门户移送线索、上传线索材料',
  },
  'portalClue.read': {
    roles: ['organisation'],
    scope: 'own',
    label: '外部单位：查看本单位移送线索的处理情况和反馈',
  },
  // 队伍建设 (issue 17): 政治部（组织人事） keeps the schemes and approves; everyone sees their own
  // entries, a head the department's, the chief, deputies and personnel everyone's (the use cases
  // narrow by assessment/scope.ts; every view of another person's entries is audited).
  'assessment.read': { roles: [...caseworkers, 'personnel'], scope: 'own', label: '查看考核方案和考核条目' },
  'assessment.lists': {
    roles: ['chief', 'deputyChief', 'departmentHead', 'personnel'],
    scope: 'department',
    label: '查看本部门或全院的考核条目、加分列表和负面清单',
  },
  'assessment.manage': { roles: ['personnel'], scope: 'all', label: '维护考核周期和考核方案' },
  'assessment.propose': {
    roles: [...caseworkers, 'personnel'],
    scope: 'own',
    label: '提出党员积分、填报指标、加分和负面清单条目',
  },
  'assessment.review': { roles: ['departmentHead'], scope: 'department', label: '部门审核、确认考核条目' },
  'assessment.approve': { roles: ['personnel'], scope: 'all', label: '审批考核条目、决定复核' },
  'assessment.appeal': {
    roles: [...caseworkers, 'personnel'],
    scope: 'own',
    label: '对本人考核条目申请复核',
  },
  'assessment.study': {
    roles: ['departmentHead', 'personnel'],
    scope: 'department',
    label: '登记学习活动及参加人员',
  },
  // 业绩考评 computed side and 精准画像 (issue 17, assessment-scores): who reaches whose profile is
  // decided by assessment/reach.ts (self; heads their department; chief, deputies, personnel all).
  'assessment.profile': {
    roles: [...caseworkers, 'personnel'],
    scope: 'own',
    label: '查看业绩考评画像（本人，部门负责人查看本部门）',
  },
  'assessment.results': {
    roles: [...heads, 'personnel'],
    scope: 'department',
    label: '查看、导出考评结果、等次名单和评先选优候选',
  },
  'assessment.recalculate': {
    roles: ['chief', 'deputyChief', 'personnel'],
    scope: 'all',
    label: '重新计算考评结果并保存快照',
  },
  'assessment.target': {
    roles: ['departmentHead'],
    scope: 'department',
    label: '设定本部门“跳起摸高”目标值',
  },
} as const satisfies Record<string, Rule>;

export type TAction = keyof typeof policy;
export const actions = Object.keys(policy) as TAction[];

/** Routes that need no login, or only a login, name one of these instead of an action. */
export type TRouteAccess = TAction | 'public' | 'authenticated';

export function can(role: TRole, action: TAction): boolean {
  return (policy[action].roles as readonly TRole[]).includes(role);
}

export function allowedActions(role: TRole): TAction[] {
  return actions.filter((action) => can(role, action));
}

/**
 * Which clues and cases a role reaches once an action is allowed: the chief and deputies see
 * everything; everyone else who handles casework sees the department's records and the ones
 * assigned to them; the administrator and analyst see no case content.
 */
export type TRecordReach = 'all' | 'departmentOrAssigned' | 'none';

export function recordReach(role: TRole): TRecordReach {
  if (role === 'chief' || role === 'deputyChief') return 'all';
  // A 特邀检察官助理 reaches no record this way: only the cases it is added to, by its own routes.
  if (
    role === 'admin' ||
    role === 'analyst' ||
    role === 'school' ||
    role === 'invitedAssistant' ||
    role === 'organisation' ||
    role === 'personnel'
  )
    return 'none';
  return 'departmentOrAssigned';
}
