/**
 * Who may view whose assessment (考核数据是个人信息): the one place that decides it. A person sees
 * their own; a department head the people who were in their department during the period; the
 * chief, the deputies and 政治部/组织人事 (role `personnel`) everyone. Every view of another
 * person's record is audited by the caller.
 */

/** Roles that see every person's assessment ('personnel' is the 组织人事 role of issue 17). */
export const assessmentReachAllRoles: readonly string[] = ['chief', 'deputyChief', 'personnel'];

/** Roles whose holders are assessed as prosecutors (检察官业绩考评). */
export const assessedRoles = ['departmentHead', 'prosecutor'] as const;

export interface AssessmentViewer {
  readonly id: number;
  readonly role: string;
  readonly departmentId: number | null;
}

export type TAssessmentReach =
  | { readonly kind: 'all' }
  | { readonly kind: 'department'; readonly departmentId: number }
  | { readonly kind: 'self' };

export function assessmentReach(viewer: AssessmentViewer): TAssessmentReach {
  if (assessmentReachAllRoles.includes(viewer.role)) return { kind: 'all' };
  if (viewer.role === 'departmentHead' && viewer.departmentId !== null) {
    return { kind: 'department', departmentId: viewer.departmentId };
  }
  return { kind: 'self' };
}

/**
 * May `viewer` see the assessment of `subject`, who belonged to `subjectDepartmentIds` during the
 * period (several when moved mid-period)?
 */
export function mayViewAssessment(
  viewer: AssessmentViewer,
  subject: { readonly id: number; readonly departmentIds: readonly number[] },
): boolean {
  if (viewer.id === subject.id) return true;
  const reach = assessmentReach(viewer);
  if (reach.kind === 'all') return true;
  if (reach.kind === 'department') return subject.departmentIds.includes(reach.departmentId);
  return false;
}
