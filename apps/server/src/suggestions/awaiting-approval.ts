import { schema } from '@procura/db';
import { type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';

const { suggestions, cases, caseEvents, users } = schema;

/**
 * Whoever last submitted the suggestion for approval (its drafter when no submission is on
 * record): the second author the four-eyes rule counts, as `four-eyes.ts` `authorsOf` finds it.
 */
const lastSubmitter = sql<number>`coalesce((
  select ${caseEvents.actorId} from ${caseEvents}
  where ${caseEvents.caseId} = ${suggestions.caseId}
    and ${caseEvents.data}->>'step' = 'submit'
    and ${caseEvents.data}->>'suggestionId' = ${suggestions.id}::text
    and ${caseEvents.actorId} is not null
  order by ${caseEvents.id} desc limit 1
), ${suggestions.createdBy})`;

const seniorRoles = sql`('chief', 'deputyChief', 'departmentHead')`;

/**
 * 待我审批: suggestions awaiting approval that this user may approve or return, by the same rules
 * as `approve-suggestion.ts`: the chief and deputies for any case, a department head for the own
 * department's cases; never one the user drafted or submitted, and a head never one a head (or a
 * leader) drafted or submitted (packages/domain/src/approvals.ts). Over `suggestions` joined to
 * `cases`, as the list selects them.
 */
export function awaitingApprovalBy(user: SessionUser): SQL {
  const isLeader = user.role === 'chief' || user.role === 'deputyChief';
  const isHead = user.role === 'departmentHead' && user.department !== null;
  if (!isLeader && !isHead) return sql`false`;
  const notMine = sql`${suggestions.createdBy} <> ${user.id} and ${lastSubmitter} <> ${user.id}`;
  const base = sql`${suggestions.state} = 'pendingApproval' and ${notMine}`;
  if (isLeader) return base;
  return sql`${base} and ${cases.departmentId} = ${user.department!.id}
    and not exists (
      select 1 from ${users}
      where ${users.id} in (${suggestions.createdBy}, ${lastSubmitter}) and ${users.role} in ${seniorRoles}
    )`;
}
