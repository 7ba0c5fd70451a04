import type { SessionUser } from '../auth/load-user.ts';

/**
 * Whose assessment a user reaches: their own; a department head also the department's; the chief,
 * deputies and personnel everyone's. Assessment data is personal data.
 */
export type TAssessmentReach =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: number }
  | { kind: 'own' };

export function assessmentReach(user: SessionUser): TAssessmentReach {
  if (user.role === 'chief' || user.role === 'deputyChief' || user.role === 'personnel')
    return { kind: 'all' };
  if (user.role === 'departmentHead' && user.department)
    return { kind: 'department', departmentId: user.department.id };
  return { kind: 'own' };
}

/** Whether the user reaches an entry of `userId` made while in `departmentId`. */
export function reachesPerson(
  user: SessionUser,
  person: { userId: number; departmentId: number | null },
): boolean {
  if (person.userId === user.id) return true;
  const reach = assessmentReach(user);
  if (reach.kind === 'all') return true;
  return reach.kind === 'department' && person.departmentId === reach.departmentId;
}

/** The standing of a proposer towards the person: personnel, their head, or themselves. */
export function standingOf(
  user: SessionUser,
  person: { userId: number; departmentId: number | null },
): 'personnel' | 'departmentHead' | 'self' | null {
  if (user.role === 'personnel') return 'personnel';
  if (user.role === 'departmentHead' && user.department && person.departmentId === user.department.id)
    return 'departmentHead';
  if (person.userId === user.id) return 'self';
  return null;
}
