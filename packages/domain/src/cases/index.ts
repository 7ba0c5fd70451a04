export * from './case-number.ts';
export * from './case-types.ts';
export * from './clue-sources.ts';
export * from './event-kinds.ts';
export * from './outcomes.ts';
export * from './stage-machine.ts';
