import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTypes } from '../cases/case-types.ts';
import { allowedTransitions } from '../cases/stage-machine.ts';
import { parseCaseRecord } from './case-records.ts';
import { missingGuardianshipFields } from './follow-up.ts';
import { inquiryProblem } from './inquiries.ts';
import { isMinorOn, maskName, maskNamesIn } from './mask.ts';
import { overlaps, slotProblem } from './one-stop.ts';
import { probationEndsOn, probationProblem } from './probation.ts';
import { sealingProblem, sealQueryDueOn } from './sealing.ts';

describe('masking minors', () => {
  it('keeps the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('  ')).toBe('');
  });
  it('masks names inside a text, longest first', () => {
    expect(maskNamesIn('张小明被张小打伤', ['张小', '张小明'])).toBe('张**被张*打伤');
    expect(maskNamesIn('无关文字', ['王五'])).toBe('无关文字');
  });
  it('a masked text never contains a masked name, and keeps its length', () => {
    const han = fc.string({
      unit: fc.constantFrom(...'张王李赵小明红军欧阳刚丽'),
      minLength: 2,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        fc.array(han, { minLength: 1, maxLength: 3 }),
        fc.string({ maxLength: 20 }),
        (names, filler) => {
          const text = `${filler}${names.join('与')}${filler}`;
          const masked = maskNamesIn(text, names);
          expect([...masked]).toHaveLength([...text].length);
          for (const name of names) expect(masked).not.toContain(name);
        },
      ),
    );
  });
  it('knows who is a minor from the id number', () => {
    const id = '510108201003151234'; // born 2010-03-15
    expect(isMinorOn(id, '2028-03-14')).toBe(true);
    expect(isMinorOn(id, '2028-03-15')).toBe(false);
    expect(isMinorOn(null, '2026-01-01')).toBe(false);
  });
});

describe('conditional non-prosecution', () => {
  it('allows six to twelve months only', () => {
    expect(probationProblem(6)).toBeNull();
    expect(probationProblem(12)).toBeNull();
    expect(probationProblem(5)).toContain('六个月以上一年以下');
    expect(probationProblem(13)).toContain('不能定为13个月');
  });
  it('runs from the day of the decision', () => {
    expect(probationEndsOn('2026-03-10', 6)).toBe('2026-09-09');
    expect(probationEndsOn('2026-01-01', 12)).toBe('2026-12-31');
  });
  it('the record schema refuses a wrong period with the field named', () => {
    const result = parseCaseRecord('conditionalNonProsecution', {
      decidedOn: '2026-03-10',
      probationMonths: 18,
      supervisionPlan: '每月报告',
      supervisor: '区关工委',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('字段 probationMonths');
  });
});

describe('second inquiry of a victim', () => {
  it('needs an approved request after the first', () => {
    expect(inquiryProblem({ inquiriesSoFar: 0, hasApprovedRequest: false, victimName: '张*' })).toBeNull();
    expect(inquiryProblem({ inquiriesSoFar: 1, hasApprovedRequest: false, victimName: '张*' })).toContain(
      '经部门负责人批准',
    );
    expect(inquiryProblem({ inquiriesSoFar: 1, hasApprovedRequest: true, victimName: '张*' })).toBeNull();
  });
});

describe('one-stop centre calendar', () => {
  const at = (h: number) => new Date(`2026-03-10T${String(h).padStart(2, '0')}:00:00+08:00`);
  it('treats touching sessions as free', () => {
    expect(overlaps({ startsAt: at(9), endsAt: at(10) }, { startsAt: at(10), endsAt: at(11) })).toBe(false);
    expect(overlaps({ startsAt: at(9), endsAt: at(11) }, { startsAt: at(10), endsAt: at(12) })).toBe(true);
  });
  it('refuses an end before the start', () => {
    expect(slotProblem({ startsAt: at(10), endsAt: at(9) })).toBe('结束时间须晚于开始时间');
  });
});

describe('sealed records', () => {
  it('seals sentences up to five years of offenders under 18', () => {
    expect(sealingProblem({ basis: 'sentence', ageAtOffence: 16, sentenceMonths: 60 })).toBeNull();
    expect(sealingProblem({ basis: 'sentence', ageAtOffence: 16, sentenceMonths: 61 })).toContain('不予封存');
    expect(sealingProblem({ basis: 'nonProsecution', ageAtOffence: 18 })).toContain('已满十八周岁');
  });
  it('a query is decided within seven days', () => {
    expect(sealQueryDueOn('2026-03-10')).toBe('2026-03-17');
  });
});

describe('guardianship order', () => {
  it('names the empty required fields', () => {
    expect(missingGuardianshipFields({ guardianName: '张父', relation: '父亲', minorName: '张三' })).toEqual([
      '监护失职事实',
      '督促监护事项',
      '家庭教育指导机构',
    ]);
  });
});

describe('juvenile case types', () => {
  it('a suspect goes to probation only with a conditional non-prosecution decision', () => {
    expect(caseTypes.juvenileSuspect.line).toBe('juvenile');
    const toProbation = allowedTransitions('juvenileSuspect', 'review').find((t) => t.to === 'probation');
    expect(toProbation?.requires).toContain('conditionalNonProsecution');
  });
});
