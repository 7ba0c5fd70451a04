import { describe, expect, it } from 'vitest';
import { limits } from '../deadlines/limits.ts';
import { lines } from '../roles.ts';
import {
  type CaseTypeDefinition,
  caseTypeIds,
  caseTypes,
  deadlinesStartedBy,
  findStage,
  getCaseType,
  isFinalStage,
  phaseLabel,
  phaseProblem,
  stageLabel,
  type TCaseType,
} from './case-types.ts';
import { caseEventKinds, systemEventKinds } from './event-kinds.ts';

const definitions: CaseTypeDefinition[] = Object.values(caseTypes);

describe('case type registry', () => {
  it('has the six civil-administrative and public-interest types, keyed by id', () => {
    expect(caseTypeIds).toEqual([
      'adminPublicInterest',
      'civilPublicInterest',
      'adminViolation',
      'nonLitigationEnforcement',
      'supportedSuit',
      'adminDisputeResolution',
      'juvenileVictim',
      'juvenileSuspect',
    ]);
    for (const [id, definition] of Object.entries(caseTypes)) expect(definition.id).toBe(id);
  });

  it('names, codes and lines', () => {
    expect(caseTypes.adminPublicInterest).toMatchObject({
      name: '行政公益诉讼',
      code: '公益立',
      line: 'publicInterest',
    });
    expect(caseTypes.civilPublicInterest).toMatchObject({
      name: '民事公益诉讼',
      code: '公益立',
      line: 'publicInterest',
    });
    expect(caseTypes.adminViolation).toMatchObject({ code: '行违立', line: 'civilAdministrative' });
    expect(caseTypes.nonLitigationEnforcement).toMatchObject({ code: '行执立', line: 'civilAdministrative' });
    expect(caseTypes.supportedSuit).toMatchObject({ code: '民支立', line: 'civilAdministrative' });
    expect(caseTypes.adminDisputeResolution).toMatchObject({ code: '行化立', line: 'civilAdministrative' });
  });

  it.each(definitions)('$id: stages are unique, labelled in Chinese, and the initial stage exists', (d) => {
    const ids = d.stages.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const stage of d.stages) expect(stage.label).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(ids).toContain(d.initialStage);
    expect(findStage(d.id as TCaseType, d.initialStage)?.final).toBeUndefined();
    expect(lines).toContain(d.line);
  });

  it.each(definitions)('$id: transitions join known stages and never leave a final stage', (d) => {
    const ids = new Set(d.stages.map((s) => s.id));
    const seen = new Set<string>();
    for (const t of d.transitions) {
      expect(ids.has(t.from), t.from).toBe(true);
      expect(ids.has(t.to), t.to).toBe(true);
      expect(isFinalStage(d.id as TCaseType, t.from)).toBe(false);
      expect(t.from).not.toBe(t.to);
      const key = `${t.from}>${t.to}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it.each(definitions)('$id: every stage is reachable and every non-final stage reaches a final one', (d) => {
    const reachable = new Set([d.initialStage]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of d.transitions) {
        if (reachable.has(t.from) && !reachable.has(t.to)) {
          reachable.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual(d.stages.map((s) => s.id).sort());
    for (const stage of d.stages.filter((s) => !s.final)) {
      const exits = d.transitions.filter((t) => t.from === stage.id);
      expect(exits.length, stage.id).toBeGreaterThan(0);
    }
    expect(d.stages.some((s) => s.final === 'closed')).toBe(true);
    expect(d.stages.some((s) => s.final === 'terminated')).toBe(true);
  });

  it.each(definitions)('$id: required records are known, user-recordable event kinds', (d) => {
    const required = [
      ...d.stages.flatMap((s) => s.requires ?? []),
      ...d.transitions.flatMap((t) => t.requires ?? []),
    ];
    for (const kind of required) {
      expect(Object.keys(caseEventKinds)).toContain(kind);
      expect(systemEventKinds).not.toContain(kind);
    }
  });

  it.each(definitions)('$id: deadline triggers name catalogued limits and known events', (d) => {
    for (const trigger of d.deadlines) {
      expect(Object.keys(limits)).toContain(trigger.limit);
      expect(Object.keys(caseEventKinds)).toContain(trigger.startsAt);
    }
  });

  it('deadlines start at the events the law names', () => {
    expect(deadlinesStartedBy('adminPublicInterest', 'suggestionDelivered')).toEqual([
      'preLitigationSuggestionReply',
    ]);
    expect(deadlinesStartedBy('adminPublicInterest', 'caseOpened')).toEqual(['caseHandlingToSuggestion']);
    expect(deadlinesStartedBy('civilPublicInterest', 'announcementPublished')).toEqual([
      'civilPilAnnouncement',
    ]);
    expect(deadlinesStartedBy('adminViolation', 'suggestionDelivered')).toEqual(['generalSuggestionReply']);
    expect(deadlinesStartedBy('supportedSuit', 'caseOpened')).toEqual([]);
    expect(getCaseType('supportedSuit').deadlines).toEqual([]);
  });

  it('labels stages and phases', () => {
    expect(stageLabel('adminPublicInterest', 'preLitigation')).toBe('诉前程序');
    expect(stageLabel('adminPublicInterest', 'unknown')).toBe('unknown');
    expect(phaseLabel('adminDisputeResolution', 'inLitigation')).toBe('诉中');
    expect(phaseLabel('adminViolation', null)).toBeNull();
  });
});

describe('phaseProblem', () => {
  it('adminDisputeResolution needs one of 诉前/诉中/诉后', () => {
    expect(phaseProblem('adminDisputeResolution', 'preLitigation')).toBeNull();
    expect(phaseProblem('adminDisputeResolution', 'postLitigation')).toBeNull();
    expect(phaseProblem('adminDisputeResolution', null)).toContain('须选择所处阶段');
    expect(phaseProblem('adminDisputeResolution', undefined)).toContain('诉前（preLitigation）');
    expect(phaseProblem('adminDisputeResolution', 'appeal')).toContain('只能是');
  });

  it('other types refuse a phase', () => {
    expect(phaseProblem('adminPublicInterest', null)).toBeNull();
    expect(phaseProblem('adminPublicInterest', 'preLitigation')).toContain('不分阶段');
  });
});
