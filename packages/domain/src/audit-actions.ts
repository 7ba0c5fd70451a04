/** Chinese labels of the actions written to the audit log; later modules add theirs here. */
export const auditActionLabels: Record<string, string> = {
  'system.init': '初始化系统',
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.move': '调动部门',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.resetPassword': '重置密码',
  'audit.verify': '校验审计日志',
  'clue.create': '登记线索',
  'clue.decline': '线索不立案',
  'clue.transfer': '移送线索',
  'clue.receive': '签收移送线索',
  'clue.transferFeedback': '记录移送反馈',
  'case.open': '立案',
  'case.transition': '变更案件阶段',
  'case.recordEvent': '记录办案事项',
  'case.recordOutcome': '记录办案成效',
};

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
