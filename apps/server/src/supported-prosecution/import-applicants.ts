import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { formatYuan } from '@procura/domain/clean/amount';
import { eq } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { lockCase } from '../cases/lock-case.ts';
import { now } from '../clock.ts';
import { refuseProblems } from '../employment-checks/read-sheet.ts';
import { loadSupportedProsecution, requireSupportCase } from './load.ts';
import { type ApplicantRow, parseApplicants } from './parse-applicants.ts';
import type { TImportBody, TImportResult } from './schema.ts';
import { syncOutcomes } from './sync-outcome.ts';
import { requireSupportRecord } from './update-support.ts';

const { caseEvents, supportedProsecutionApplicants: applicants } = schema;

/**
 * Imports an applicants' list into a supported-prosecution case, all or nothing. A person listed
 * twice (same ID number, in the file or already on the case) is merged into one applicant with a
 * warning: the first entry's figures stand, blanks are filled from the later one.
 */
export async function importApplicants(
  database: Database,
  options: { id: number; input: TImportBody; user: SessionUser; ip: string | null },
): Promise<TImportResult> {
  const { id, input, user } = options;
  // Parsed on the spreadsheet reader's worker, before any lock is taken.
  const rows = await parseApplicants(input.content, input.fileName);
  return database.db.transaction(async (tx) => {
    const theCase = requireSupportCase(await lockCase(tx, id, user));
    const record = await requireSupportRecord(tx, id);
    const problems: string[] = [];
    for (const r of rows) {
      if (!r.category && record.claimKind !== 'labourPay') problems.push(`第 ${r.row} 行“人员类别”列：为空`);
    }
    refuseProblems(input.fileName, problems);

    const warnings: string[] = [];
    const existing = new Map(
      (await tx.select().from(applicants).where(eq(applicants.caseId, id))).map((a) => [a.idNumber, a]),
    );
    // Within the file: one entry per ID number, the first row's figures kept.
    const byId = new Map<string, ApplicantRow>();
    let merged = 0;
    for (const r of rows) {
      const first = byId.get(r.idNumber);
      if (!first) {
        byId.set(r.idNumber, { ...r });
        continue;
      }
      merged++;
      const differs =
        first.claimFen !== r.claimFen
          ? `，请求金额不同（${formatYuan(first.claimFen)} 元 / ${formatYuan(r.claimFen)} 元），按第 ${first.row} 行记录，请核对`
          : '';
      const renamed = first.name !== r.name ? `，姓名不同（${first.name} / ${r.name}）` : '';
      warnings.push(
        `文件 ${input.fileName} 第 ${r.row} 行与第 ${first.row} 行身份证号相同（${first.name}），已合并为一人${renamed}${differs}`,
      );
      first.phone ??= r.phone;
      first.category ??= r.category;
      if (first.recoveredFen === null && r.recoveredFen !== null) {
        first.recoveredFen = r.recoveredFen;
        first.paidOn = r.paidOn;
      }
    }

    let added = 0;
    for (const r of byId.values()) {
      const known = existing.get(r.idNumber);
      if (known) {
        merged++;
        const fill = {
          ...(known.phone === null && r.phone ? { phone: r.phone } : {}),
          ...(known.recoveredFen === null && r.recoveredFen !== null && r.recoveredFen <= known.claimFen
            ? { recoveredFen: r.recoveredFen, paidOn: r.paidOn }
            : {}),
        };
        const filled =
          Object.keys(fill).length > 0 ? `，补充了${'recoveredFen' in fill ? '追回金额' : '联系电话'}` : '';
        warnings.push(
          `文件 ${input.fileName} 第 ${r.row} 行：身份证号与本案已登记的申请人${known.name}相同，已合并，未重复登记${filled}`,
        );
        if (filled)
          await tx
            .update(applicants)
            .set({ ...fill, updatedAt: now() })
            .where(eq(applicants.id, known.id));
        continue;
      }
      added++;
      await tx.insert(applicants).values({
        caseId: id,
        name: r.name,
        idNumber: r.idNumber,
        phone: r.phone,
        category: r.category ?? 'migrantWorker',
        claimFen: r.claimFen,
        recoveredFen: r.recoveredFen,
        paidOn: r.paidOn,
        createdBy: user.id,
      });
    }
    await tx.insert(caseEvents).values({
      caseId: id,
      kind: 'note',
      at: now(),
      actorId: user.id,
      actorName: user.displayName,
      note: `导入申请人名单 ${input.fileName}：新增 ${added} 人${merged ? `，合并 ${merged} 人` : ''}`,
      data: { fileName: input.fileName, added, merged },
    });
    await syncOutcomes(tx, id, user);
    await recordAudit(tx, {
      actor: actorOf(user),
      action: 'supportedProsecution.importApplicants',
      targetType: 'case',
      targetId: id,
      ip: options.ip,
      detail: { caseNumber: theCase.caseNumber, fileName: input.fileName, rows: rows.length, added, merged },
    });
    return {
      added,
      merged,
      warnings,
      supportedProsecution: await loadSupportedProsecution(tx, theCase, user),
    };
  });
}
