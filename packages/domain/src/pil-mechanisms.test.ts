import { describe, expect, it } from 'vitest';
import { addMonths, agreedActionState } from './pil-mechanisms.ts';

describe('pil mechanisms', () => {
  it('moves a joint meeting by months, keeping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('counts the deadline day itself as still in time', () => {
    expect(agreedActionState({ actionDueOn: '2026-12-03', checkedOn: null }, '2026-12-03')).toBe('pending');
    expect(agreedActionState({ actionDueOn: '2026-12-02', checkedOn: null }, '2026-12-03')).toBe('overdue');
    expect(agreedActionState({ actionDueOn: '2026-12-02', checkedOn: '2026-12-03' }, '2026-12-03')).toBe(
      'checked',
    );
  });
});
