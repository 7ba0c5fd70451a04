import { caseTypeIds, caseTypes, type TCaseType } from '@procura/domain/cases/case-types';
import { caseEventKinds, systemEventKinds, type TCaseEventKind } from '@procura/domain/cases/event-kinds';
import { outcomeKinds } from '@procura/domain/cases/outcomes';
import type { TLine } from '@procura/domain/roles';

/** Case types as options; with a line, only the types that line's departments open. */
export function caseTypeOptions(line?: TLine) {
  return caseTypeIds
    .filter((id) => !line || caseTypes[id].line === line)
    .map((id) => ({ value: id, label: caseTypes[id].name }));
}

export function phaseOptions(type: TCaseType | undefined) {
  const phases = type
    ? (caseTypes[type] as { phases?: readonly { id: string; label: string }[] }).phases
    : undefined;
  return phases?.map((phase) => ({ value: phase.id, label: phase.label }));
}

/** Stages of one type, or of every type (labels of a shared id joined: 立案调查/调查核实). */
export function stageOptions(type: TCaseType | undefined) {
  const labels = new Map<string, Set<string>>();
  for (const id of type ? [type] : caseTypeIds) {
    for (const stage of caseTypes[id].stages) {
      const set = labels.get(stage.id) ?? new Set<string>();
      set.add(stage.label);
      labels.set(stage.id, set);
    }
  }
  return [...labels].map(([value, set]) => ({ value, label: [...set].join('/') }));
}

/** Event kinds a user records (the system writes 立案, 阶段变更 and 记录办案成效 itself). */
export const eventKindOptions = (Object.keys(caseEventKinds) as TCaseEventKind[])
  .filter((kind) => !systemEventKinds.includes(kind))
  .map((kind) => ({ value: kind, label: caseEventKinds[kind] }));

export const outcomeKindOptions = Object.entries(outcomeKinds).map(([value, kind]) => ({
  value,
  label: kind.label,
}));
