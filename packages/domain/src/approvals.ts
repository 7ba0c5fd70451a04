import type { TRole } from './roles.ts';

/**
 * 四眼原则 (two people on every approval): whoever wrote or submitted a document never approves
 * it, and a document a department head (or a leader) wrote goes up to a deputy chief or the chief
 * instead of to a fellow head of the department.
 */
export type TApprovalLevel = 'departmentHead' | 'leadership';

export const approvalLevelLabels: Record<TApprovalLevel, string> = {
  departmentHead: '部门负责人、副检察长或检察长',
  leadership: '副检察长或检察长',
};

const leaders: readonly TRole[] = ['chief', 'deputyChief'];
const seniors: readonly TRole[] = ['chief', 'deputyChief', 'departmentHead'];

/** Who approves a document by these authors (drafter, submitter): a head's goes up to the leaders. */
export function approvalLevel(authors: readonly { role: TRole }[]): TApprovalLevel {
  return authors.some((a) => seniors.includes(a.role)) ? 'leadership' : 'departmentHead';
}

/**
 * null when the approver may approve (or return) a document of these authors; otherwise the
 * Chinese reason. The approver's department was checked by the caller (a head decides only for
 * the own department).
 */
export function approvalProblem(options: {
  approver: { id: number; role: TRole };
  authors: readonly { id: number; role: TRole }[];
  /** What is approved, e.g. 检察建议, 再次询问申请. */
  what: string;
}): string | null {
  const { approver, authors, what } = options;
  if (authors.some((a) => a.id === approver.id)) {
    return `不能审批本人起草或提请的${what}（四眼原则），请由${approvalLevelLabels[approvalLevel(authors)]}审批`;
  }
  if (!leaders.includes(approver.role) && approvalLevel(authors) === 'leadership') {
    return `部门负责人起草或提请的${what}须由副检察长或检察长审批`;
  }
  return null;
}
