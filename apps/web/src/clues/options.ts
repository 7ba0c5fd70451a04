import { clueSources, clueStatuses, type TClueStatus } from '@procura/domain/cases/clue-sources';

export const sourceOptions = Object.entries(clueSources).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(clueStatuses).map(([value, label]) => ({ value, label }));

export const statusColors: Record<TClueStatus, string> = {
  pending: 'gold',
  assessing: 'blue',
  opened: 'green',
  declined: 'default',
  transferred: 'purple',
};
