import { schema } from '@procura/db';
import { type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';

const { cases, juvenileInquiryRequests, juvenileSealQueries, users } = schema;

/**
 * 再次询问申请 awaiting this user's decision, as `decide-inquiry.ts` decides them: the chief and
 * deputies for any case, a head for the own department's; never one's own request, and a head's
 * (or a leader's) request only by the chief or a deputy (四眼原则, approvals.ts). Over `cases`:
 * the cases holding such a request.
 */
export function inquiryAwaitingDecisionBy(user: SessionUser): SQL {
  const isLeader = user.role === 'chief' || user.role === 'deputyChief';
  const isHead = user.role === 'departmentHead' && user.department !== null;
  if (!isLeader && !isHead) return sql`false`;
  const headOnly = isLeader
    ? sql``
    : sql` and ${cases.departmentId} = ${user.department!.id} and ${users.role} not in ('chief', 'deputyChief', 'departmentHead')`;
  return sql`exists (select 1 from ${juvenileInquiryRequests}
    inner join ${users} on ${users.id} = ${juvenileInquiryRequests.requestedBy}
    where ${juvenileInquiryRequests.caseId} = ${cases.id} and ${juvenileInquiryRequests.state} = 'pending'
      and ${juvenileInquiryRequests.requestedBy} <> ${user.id}${headOnly})`;
}

/**
 * 封存记录查询申请 awaiting this user's decision, as `seal-queries.ts` decides them: the juvenile
 * head for the own department's records, the chief for any (deputies do not decide); never one's
 * own entry, and a head's entry only by the chief. Over `juvenile_seal_queries` joined to `cases`
 * and to `users` as its recorder (present-seal-query.ts).
 */
export function sealQueryAwaitingDecisionBy(user: SessionUser): SQL {
  const isChief = user.role === 'chief';
  const isHead = user.role === 'departmentHead' && user.department !== null;
  if (!isChief && !isHead) return sql`false`;
  const base = sql`${juvenileSealQueries.state} = 'pending' and ${juvenileSealQueries.recordedBy} <> ${user.id}`;
  if (isChief) return base;
  return sql`${base} and ${cases.departmentId} = ${user.department!.id} and ${users.role} <> 'departmentHead'`;
}
