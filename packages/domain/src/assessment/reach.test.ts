import { describe, expect, it } from 'vitest';
import { mayViewAssessment } from './reach.ts';

describe('mayViewAssessment', () => {
  const subject = { id: 5, departmentIds: [2, 3] };
  it('self, heads of a department the person was in, chief, deputies and personnel', () => {
    expect(mayViewAssessment({ id: 5, role: 'prosecutor', departmentId: 2 }, subject)).toBe(true);
    expect(mayViewAssessment({ id: 6, role: 'prosecutor', departmentId: 2 }, subject)).toBe(false);
    expect(mayViewAssessment({ id: 7, role: 'departmentHead', departmentId: 3 }, subject)).toBe(true);
    expect(mayViewAssessment({ id: 8, role: 'departmentHead', departmentId: 4 }, subject)).toBe(false);
    expect(mayViewAssessment({ id: 9, role: 'chief', departmentId: null }, subject)).toBe(true);
    expect(mayViewAssessment({ id: 10, role: 'deputyChief', departmentId: null }, subject)).toBe(true);
    expect(mayViewAssessment({ id: 11, role: 'personnel', departmentId: 1 }, subject)).toBe(true);
    expect(mayViewAssessment({ id: 12, role: 'admin', departmentId: null }, subject)).toBe(false);
  });
});
