import { createHash, randomInt } from 'node:crypto';
import { formatPickupCode, pickupAlphabet, pickupCodeLength } from '@procura/domain/mailbox/pickup-code';

/** A fresh pickup code from the system's cryptographic random source. */
export function generatePickupCode(): { raw: string; shown: string } {
  let raw = '';
  for (let i = 0; i < pickupCodeLength; i++) raw += pickupAlphabet[randomInt(pickupAlphabet.length)];
  return { raw, shown: formatPickupCode(raw) };
}

/** Only this is stored: whoever reads the table cannot read the letters' answers as the student. */
export function hashPickupCode(normalised: string): string {
  return createHash('sha256').update(`procura-mailbox:${normalised}`).digest('hex');
}
