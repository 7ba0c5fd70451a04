import { type CaseTypeDefinition, findStage, getCaseType, type TCaseType } from './case-types.ts';
import { caseEventLabel, type TCaseEventKind } from './event-kinds.ts';

export interface TransitionOption {
  to: string;
  label: string;
  /** Every record needed to take this way out (the stage's own and the transition's). */
  requires: TCaseEventKind[];
}

export type TransitionCheck = { ok: true } | { ok: false; message: string; missing: TCaseEventKind[] };

function requiredFor(definition: CaseTypeDefinition, from: string, to: string): TCaseEventKind[] {
  const stage = definition.stages.find((s) => s.id === from);
  const transition = definition.transitions.find((t) => t.from === from && t.to === to);
  return [...new Set([...(stage?.requires ?? []), ...(transition?.requires ?? [])])];
}

/** The stages a case of this type may move to from `stage`, with what each needs. */
export function allowedTransitions(type: TCaseType, stage: string): TransitionOption[] {
  const definition = getCaseType(type);
  return definition.transitions
    .filter((t) => t.from === stage)
    .map((t) => ({
      to: t.to,
      label: findStage(type, t.to)?.label ?? t.to,
      requires: requiredFor(definition, stage, t.to),
    }));
}

/** May a case move from `from` to `to`, given the kinds of event on its timeline? Chinese reason if not. */
export function checkTransition(
  type: TCaseType,
  from: string,
  to: string,
  recordedEventKinds: Iterable<string>,
): TransitionCheck {
  const definition = getCaseType(type);
  const fromStage = findStage(type, from);
  const toStage = findStage(type, to);
  if (!fromStage) return { ok: false, message: `${definition.name}案件没有「${from}」阶段`, missing: [] };
  if (!toStage) return { ok: false, message: `${definition.name}案件没有「${to}」阶段`, missing: [] };
  if (fromStage.final) {
    return { ok: false, message: `案件已${fromStage.label}，不能再变更阶段`, missing: [] };
  }
  const options = allowedTransitions(type, from);
  if (!options.some((o) => o.to === to)) {
    const possible = options.map((o) => `「${o.label}」`).join('、');
    return {
      ok: false,
      message: `${definition.name}案件不能从「${fromStage.label}」转到「${toStage.label}」；可转到：${possible}`,
      missing: [],
    };
  }
  const recorded = new Set(recordedEventKinds);
  const missing = requiredFor(definition, from, to).filter((kind) => !recorded.has(kind));
  if (missing.length > 0) {
    const names = missing.map((kind) => `「${caseEventLabel(kind)}」`).join('、');
    return {
      ok: false,
      message: `从「${fromStage.label}」转到「${toStage.label}」前须先记录：${names}`,
      missing,
    };
  }
  return { ok: true };
}

export interface SuggestionStageMove {
  to: string;
  label: string;
  /** Records still missing before the suggestion may be issued (the stage's way out needs them). */
  missing: TCaseEventKind[];
  /** Chinese reason when something is missing; null when the issue may go ahead. */
  message: string | null;
}

/**
 * Where issuing a suggestion of `suggestionKind` takes a case in `stage`: null when the type has no
 * such rule, the kind is another, or the case is already there or past it. The issue itself counts
 * as recorded; anything else the way out of the current stage needs is named.
 */
export function suggestionStageMove(
  type: TCaseType,
  stage: string,
  suggestionKind: string,
  recordedEventKinds: Iterable<string>,
): SuggestionStageMove | null {
  const rule = getCaseType(type).suggestionStage;
  if (!rule?.kinds.includes(suggestionKind)) return null;
  if (!allowedTransitions(type, stage).some((o) => o.to === rule.stage)) return null;
  const check = checkTransition(type, stage, rule.stage, [...recordedEventKinds, 'suggestionIssued']);
  const label = findStage(type, rule.stage)?.label ?? rule.stage;
  if (check.ok) return { to: rule.stage, label, missing: [], message: null };
  const names = check.missing.map((kind) => `「${caseEventLabel(kind)}」`).join('、');
  return {
    to: rule.stage,
    label,
    missing: check.missing,
    message: `签发后案件将转入「${label}」，签发前须先记录：${names}`,
  };
}
