export * from './case-records.ts';
export * from './follow-up.ts';
export * from './inquiries.ts';
export * from './mask.ts';
export * from './one-stop.ts';
export * from './probation.ts';
export * from './sealing.ts';
