import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reaches } from '../cases/record-reach.ts';
import { sealedFrom } from '../juvenile/scope.ts';

/** A document archived on a case, with its bytes; null when missing or the case is out of reach. */
export async function getCaseDocument(db: Executor, id: number, user: SessionUser) {
  const [row] = await db
    .select({
      document: schema.caseDocuments,
      departmentId: schema.cases.departmentId,
      handlerId: schema.cases.handlerId,
    })
    .from(schema.caseDocuments)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.caseDocuments.caseId))
    .where(eq(schema.caseDocuments.id, id));
  if (!row || !reaches(user, row)) return null;
  // A sealed case's documents are as out of reach as the case page.
  if (await sealedFrom(db, user, row.document.caseId)) return null;
  return row.document;
}

/** RFC 5987/6266: a Chinese file name survives every browser. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
