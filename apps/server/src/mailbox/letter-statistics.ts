import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDayAfter, chinaDayStart } from '@procura/domain/china-time';
import { letterTopicIds, letterTopics } from '@procura/domain/mailbox/topics';
import { and, asc, count, gte, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { reachesJuvenile } from './juvenile-reach.ts';
import type { TLetterStatistics, TStatisticsQuery } from './schema.ts';

const { mailboxLetters, partnerSchools } = schema;

/** Letters per school and topic (and how many were urgent) in a period of days in China. */
export async function letterStatistics(
  db: Executor,
  query: TStatisticsQuery,
  user: SessionUser,
): Promise<TLetterStatistics> {
  const reached = await reachesJuvenile(db, user);
  const period = and(
    query.from ? gte(mailboxLetters.createdAt, chinaDayStart(query.from)) : undefined,
    query.to ? lt(mailboxLetters.createdAt, chinaDayAfter(query.to)) : undefined,
  );
  const [schools, counts] = await Promise.all([
    db
      .select({ id: partnerSchools.id, name: partnerSchools.name })
      .from(partnerSchools)
      .orderBy(asc(partnerSchools.name)),
    db
      .select({
        schoolId: mailboxLetters.schoolId,
        topic: mailboxLetters.topic,
        n: count(),
        urgent: sql<number>`count(*) filter (where ${mailboxLetters.urgent})`,
      })
      .from(mailboxLetters)
      .where(period)
      .groupBy(mailboxLetters.schoolId, mailboxLetters.topic),
  ]);
  return {
    topics: letterTopicIds.map((id) => ({ id, label: letterTopics[id].label })),
    schools: (reached ? schools : []).map((school) => {
      const byTopic: Record<string, number> = {};
      let total = 0;
      let urgent = 0;
      for (const c of counts) {
        if (c.schoolId !== school.id) continue;
        byTopic[c.topic] = Number(c.n);
        total += Number(c.n);
        urgent += Number(c.urgent);
      }
      return { ...school, total, urgent, byTopic };
    }),
  };
}
