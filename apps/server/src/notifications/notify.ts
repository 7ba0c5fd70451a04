import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { now } from '../clock.ts';

/** Leaves a message for a user, inside the transaction of the change it reports. */
export async function notify(
  tx: Executor,
  input: { userId: number; kind: string; text: string; link?: string | null },
): Promise<void> {
  await tx.insert(schema.notifications).values({
    userId: input.userId,
    kind: input.kind,
    text: input.text,
    link: input.link ?? null,
    createdAt: now(),
  });
}
