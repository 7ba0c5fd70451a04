import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from '@procura/domain/password-rules';
import { DomainError } from '../errors.ts';
import { isCommonPassword } from './common-passwords.ts';

// argon2id with the library's defaults (19 MiB, 2 passes): the OWASP minimum for argon2id.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so a missing user cannot be told from a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('procura-dummy-password-1');
  await verifyPassword(await dummyHash, password);
}

/**
 * The one check of every password a person chooses or is given: the web form, the admin's
 * create and reset, the change of one's own password, the CLI and the first admin's password.
 */
export function assertStrongPassword(password: string, username: string): void {
  const problem = checkPassword(password, username);
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
  if (isCommonPassword(password)) {
    throw new DomainError('WEAK_PASSWORD', '该密码过于常见，容易被猜到，请换一个不常见的密码');
  }
}

/** A random password that satisfies the password rules, for first admins and CLI resets. */
export function generatePassword(): string {
  // base64url may lack a digit or a letter; the suffix guarantees both.
  return `${randomBytes(12).toString('base64url')}7a`;
}
