import { roleLabels, roles } from '@procura/domain/roles';

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** The username rule of the server (apps/server/src/users/schema.ts), checked before sending. */
export const usernamePattern = /^[A-Za-z0-9_.-]+$/;
