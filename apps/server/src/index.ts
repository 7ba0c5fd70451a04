export { buildApp } from './app.ts';
export { recordAudit } from './audit/record-audit.ts';
export { verifyAudit } from './audit/verify-audit.ts';
export { generatePassword } from './auth/passwords.ts';
export { initialise } from './bootstrap/initialise.ts';
export { type Config, loadConfig } from './config.ts';
export { startServer } from './server.ts';
export { createUser } from './users/create-user.ts';
export { resetPassword } from './users/reset-password.ts';
