// Each area of the platform keeps its tables in its own file; drizzle-kit reads them all from here.

export * from './admin-violation.ts';
export * from './assessment.ts';
export * from './assessment-difficulty.ts';
export * from './assessment-scores.ts';
export * from './attachments.ts';
export * from './civil.ts';
export * from './class-supervision.ts';
export * from './collide.ts';
export * from './core.ts';
export * from './hearings.ts';
export * from './judicial-aid.ts';
export * from './juvenile.ts';
export * from './patrols.ts';
export * from './pil-fields.ts';
export * from './pil-mechanisms.ts';
export * from './portal.ts';
export * from './portal-clues.ts';
export * from './portal-replies.ts';
export * from './prevention.ts';
export * from './reminders.ts';
export * from './reports.ts';
