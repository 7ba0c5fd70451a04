export * from './attachments/file-kinds.ts';
export * from './audit-actions.ts';
export * from './audit-chain.ts';
export * from './cases/index.ts';
export * from './deadlines/index.ts';
export * from './password-rules.ts';
export * from './policy.ts';
export * from './roles.ts';
