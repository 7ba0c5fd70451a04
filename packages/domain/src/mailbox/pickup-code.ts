/**
 * 取件码: 16 characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown as four groups
 * of four (ABCD-EFGH-JKMN-PQRS), about 79 bits: not guessable within any rate limit. The server draws
 * the characters; these rules only format and read them back as a student types them.
 */
export const pickupAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const pickupCodeLength = 16;

/** Groups of four joined by dashes. */
export function formatPickupCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

/**
 * The code as typed (spaces, dashes, lower case, full-width letters) reduced to its
 * 16 characters; null when it cannot be a pickup code.
 */
export function normalisePickupCode(typed: string): string | null {
  const plain = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_—–·.]+/g, '');
  if (plain.length !== pickupCodeLength) return null;
  for (const ch of plain) if (!pickupAlphabet.includes(ch)) return null;
  return plain;
}
