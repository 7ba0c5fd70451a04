import { normalisePassword } from '@procura/domain/password-rules';
import { dictionary } from '@zxcvbn-ts/language-common';

/** The ~49,000 most common passwords of public breach lists (zxcvbn-ts), lower case. */
let common: Set<string> | undefined;
const commonPasswords = () => {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
};

/** Digits and symbols people put before or after a word: Password2026!, 123abcdef. */
const decoration = /^[\d\W_]+|[\d\W_]+$/g;

/**
 * Whether a password is a common one, or a common word dressed up with digits, symbols and
 * letter-for-digit swaps (Qwerty1234, P@ssw0rd2026!, Dragon888888). Server side only: the list
 * is too large for the browser.
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower) || list.has(normalisePassword(password))) return true;
  const core = lower.replace(decoration, '');
  if (core.length < 3) return false;
  return list.has(core) || list.has(normalisePassword(core));
}
