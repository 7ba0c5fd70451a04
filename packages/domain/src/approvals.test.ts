import { describe, expect, it } from 'vitest';
import { approvalLevel, approvalProblem } from './approvals.ts';

const prosecutor = { id: 1, role: 'prosecutor' as const };
const head = { id: 2, role: 'departmentHead' as const };
const otherHead = { id: 3, role: 'departmentHead' as const };
const deputy = { id: 4, role: 'deputyChief' as const };
const chief = { id: 5, role: 'chief' as const };

describe('four eyes on approvals', () => {
  it("a prosecutor's document goes to the head; a head's to the leaders", () => {
    expect(approvalLevel([prosecutor])).toBe('departmentHead');
    expect(approvalLevel([head])).toBe('leadership');
    expect(approvalLevel([prosecutor, head])).toBe('leadership');
  });
  it('never lets the drafter or the submitter approve', () => {
    expect(approvalProblem({ approver: head, authors: [head], what: '检察建议' })).toBe(
      '不能审批本人起草或提请的检察建议（四眼原则），请由副检察长或检察长审批',
    );
    expect(approvalProblem({ approver: chief, authors: [chief], what: '检察建议' })).toMatch(/不能审批本人/);
    expect(approvalProblem({ approver: head, authors: [prosecutor, head], what: '检察建议' })).toMatch(
      /不能审批本人/,
    );
  });
  it("sends a head's document past a fellow head to a deputy or the chief", () => {
    expect(approvalProblem({ approver: otherHead, authors: [head], what: '检察建议' })).toBe(
      '部门负责人起草或提请的检察建议须由副检察长或检察长审批',
    );
    expect(approvalProblem({ approver: deputy, authors: [head], what: '检察建议' })).toBeNull();
    expect(approvalProblem({ approver: chief, authors: [head], what: '检察建议' })).toBeNull();
    expect(approvalProblem({ approver: head, authors: [prosecutor], what: '检察建议' })).toBeNull();
  });
});
