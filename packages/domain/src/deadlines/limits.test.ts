import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countingBases, type LegalBasis } from './basis.ts';
import { getLimit, type LimitId, limitChain, limits } from './limits.ts';

// The statute copies live beside the repository, in ../shared/domain/laws (PROCURA_LAWS_DIR
// elsewhere). Every quote we mark verified must appear in them word for word, so no citation can
// be invented or misremembered; without them the test fails rather than skips.
const LAWS =
  process.env.PROCURA_LAWS_DIR ??
  fileURLToPath(new URL('../../../../../shared/domain/laws', import.meta.url));
const docsPath = fileURLToPath(new URL('../../../../docs/deadlines.md', import.meta.url));

const allBases: LegalBasis[] = [
  ...Object.values(countingBases),
  ...Object.values(limits).flatMap((l) => [l.basis, ...(l.related ?? [])]),
];

describe('limit catalogue', () => {
  it('keys match ids and every limit has a basis', () => {
    for (const [id, limit] of Object.entries(limits)) {
      expect(limit.id).toBe(id);
      expect(limit.basis.law).not.toBe('');
      expect(getLimit(id as LimitId)).toBe(limit);
    }
  });

  it('verified bases quote a laws/ file; unverified ones say 待核实', () => {
    for (const basis of allBases) {
      if (basis.verified) {
        expect(basis.text, basis.law + basis.article).toBeTruthy();
        expect(basis.source, basis.law + basis.article).toMatch(/\.md$/);
      } else {
        expect(`${basis.article}${basis.source ?? ''}`).toMatch(/待核实|\[P\]|未载明/);
      }
    }
  });

  it('has the periods the sources give', () => {
    expect(limits.preLitigationSuggestionReply.period).toEqual({ amount: 2, unit: 'month' });
    expect(limits.preLitigationSuggestionReply.urgentPeriod).toEqual({ amount: 15, unit: 'day' });
    expect(limits.minorProtectionSuggestionReply.period).toEqual({ amount: 1, unit: 'month' });
    expect(limits.civilPilAnnouncement.period).toEqual({ amount: 30, unit: 'day' });
    // "七日以内", not working days.
    expect(limits.sealedRecordQueryDecision.period).toEqual({ amount: 7, unit: 'day' });
    expect(limits.clueAssessment.period).toBeNull();
  });

  it('chains the suit decision after the reply period', () => {
    expect(limitChain('suitDecisionAfterReply').map((l) => l.id)).toEqual([
      'preLitigationSuggestionReply',
      'suitDecisionAfterReply',
    ]);
    expect(limitChain('civilPilAnnouncement').map((l) => l.id)).toEqual(['civilPilAnnouncement']);
  });

  it('every verified quote is in its statute file', () => {
    expect(existsSync(LAWS), `statute texts not found at ${LAWS}: set PROCURA_LAWS_DIR`).toBe(true);
    for (const basis of allBases.filter((b) => b.verified)) {
      const text = readFileSync(`${LAWS}/${basis.source}`, 'utf8');
      expect(text, `${basis.law}${basis.article}`).toContain(basis.text);
      const article = basis.article.replace(/第[一二三四五六七八九十]+款$/, '');
      const line = text.split('\n').find((l) => l.includes(basis.text ?? ''));
      // The quote sits in its article: the nearest heading above it is the cited one.
      const before = text.slice(0, text.indexOf(line ?? ''));
      const headings = [...before.matchAll(/^(第[一二三四五六七八九十百零]+条)/gm)].map((m) => m[1]);
      const own = line?.match(/^(第[一二三四五六七八九十百零]+条)/)?.[1];
      expect(own ?? headings.at(-1), `${basis.law}${basis.article}`).toBe(article);
    }
  });

  it('docs/deadlines.md lists every limit', () => {
    const docs = readFileSync(docsPath, 'utf8');
    for (const limit of Object.values(limits)) {
      expect(docs, limit.id).toContain(limit.name);
      expect(docs, limit.id).toContain(`\`${limit.id}\``);
      if (limit.basis.verified && limit.basis.text) expect(docs, limit.id).toContain(limit.basis.text);
    }
  });
});
