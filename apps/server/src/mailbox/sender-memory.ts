import { createHmac, randomBytes } from 'node:crypto';
import { floodRules } from '@procura/domain/mailbox/flood';

/**
 * Who wrote which recent letter, as an opaque key, in this process's memory only and only for the
 * flood window: the writer's address is never stored (anonymous means anonymous), and the key,
 * made with a secret that dies with the process, cannot be turned back into an address.
 */
export class SenderMemory {
  readonly #secret = randomBytes(32);
  readonly #senders = new Map<number, { sender: string; at: number }>();

  keyOf(address: string | null | undefined): string | null {
    if (!address) return null;
    return createHmac('sha256', this.#secret).update(address).digest('base64url').slice(0, 22);
  }

  remember(letterId: number, sender: string | null, at: Date): void {
    this.forgetBefore(at.getTime() - floodRules.windowMs);
    if (sender) this.#senders.set(letterId, { sender, at: at.getTime() });
  }

  senderOf(letterId: number): string | null {
    return this.#senders.get(letterId)?.sender ?? null;
  }

  /** Entries are kept in the order written, so the old ones are at the front. */
  private forgetBefore(time: number): void {
    for (const [id, entry] of this.#senders) {
      if (entry.at >= time) break;
      this.#senders.delete(id);
    }
  }
}
