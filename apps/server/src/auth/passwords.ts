import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { checkPassword } from '@procura/domain/password-rules';
import { DomainError } from '../errors.ts';

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

export function assertStrongPassword(password: string, username: string): void {
  const problem = checkPassword(password, username);
  if (problem) throw new DomainError('WEAK_PASSWORD', problem);
}

/** A random password that satisfies the password rules, for first admins and CLI resets. */
export function generatePassword(): string {
  // base64url may lack a digit or a letter; the suffix guarantees both.
  return `${randomBytes(12).toString('base64url')}7a`;
}
