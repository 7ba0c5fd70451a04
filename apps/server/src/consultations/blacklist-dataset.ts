import { Readable } from 'node:stream';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { and, asc, isNotNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { today } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { importDataset } from '../models/import-dataset.ts';
import type { TDatasetDetail } from '../models/schema.ts';

const { blacklistReferrals: referrals } = schema;

/** The data-set kind of the food-blacklist model's 食品安全从业禁止名单 input. */
export const blacklistDatasetKind = 'blacklist';

const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * 生成从业禁止名单数据集: the referrals the regulator confirmed, each from the day its entry took
 * effect (no end day: the list names none, read as 终身 until the regulator lifts it), stored as an
 * ordinary data set of the `blacklist` kind so a food-blacklist run takes it like an uploaded file.
 * Only individual operators named by an ID number can be matched against the holders' list; a
 * referral without one (an enterprise's 统一社会信用代码) is counted as left out. Unconfirmed
 * referrals are not on the list.
 */
export async function exportBlacklistDataset(
  database: Database,
  options: { user: SessionUser; ip: string | null },
): Promise<{ dataset: TDatasetDetail; reused: boolean; entries: number; leftOut: number }> {
  const rows = await database.db
    .select({
      name: referrals.operatorName,
      code: referrals.operatorCode,
      effectiveOn: referrals.effectiveOn,
    })
    .from(referrals)
    .where(and(isNotNull(referrals.confirmedOn), isNotNull(referrals.effectiveOn)))
    .orderBy(asc(referrals.id));
  const people = rows.flatMap((r) => {
    const cleaned = r.code ? cleanIdNumber(r.code) : null;
    return cleaned?.ok && !cleaned.problem ? [{ ...r, idNumber: cleaned.value }] : [];
  });
  if (people.length === 0) {
    throw new DomainError(
      'VALIDATION',
      '尚无监管部门已确认、以身份证号登记的从业禁止黑名单人员，无法生成数据集',
    );
  }
  const csv = [
    ['身份证号', '姓名', '开始日期', '结束日期'].join(','),
    ...people.map((p) => [cell(p.idNumber), cell(p.name), p.effectiveOn!, ''].join(',')),
  ].join('\n');
  const result = await importDataset(database, {
    kind: blacklistDatasetKind,
    fileName: `从业禁止黑名单（已确认）${today()}.csv`,
    body: Readable.from([Buffer.from(`${csv}\n`, 'utf8')]),
    user: options.user,
    ip: options.ip,
  });
  return { ...result, entries: people.length, leftOut: rows.length - people.length };
}
