import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { chinaDate } from '@procura/domain/china-time';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { chineseDate } from '../documents/official-document.ts';
import { contentDisposition, xlsxBuffer, xlsxMime } from '../export/write-xlsx.ts';
import { getCheck } from './get-check.ts';
import { renderResultLetters } from './render-result-letters.ts';
import type { TCheckedPerson } from './schema.ts';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The result letters (.docx) or the result list (.xlsx) of one check; each download audited. */
export async function checkDocument(
  database: Database,
  options: { id: number; format: 'docx' | 'xlsx'; user: SessionUser; ip: string | null },
): Promise<{ content: Buffer; mime: string; disposition: string }> {
  const { id, format, user } = options;
  const batch = await getCheck(database.db, { id, user });
  const [procuratorate] = await database.db.select().from(schema.procuratorate).limit(1);
  const day = chinaDate(new Date(batch.requestedAt));
  const title = `入职查询结果_${batch.school.name}_${batch.id}`;
  const content =
    format === 'docx'
      ? await renderResultLetters(batch, {
          procuratorate: procuratorate?.name ?? '人民检察院',
          day: chineseDate(day),
        })
      : await xlsxBuffer<TCheckedPerson>({
          sheetName: '入职查询结果',
          columns: [
            { header: '行号', value: (p) => p.row, kind: 'number' },
            { header: '姓名', value: (p) => p.name },
            { header: '公民身份号码', value: (p) => p.idNumberMasked },
            { header: '岗位', value: (p) => p.position },
            { header: '查询结果', value: (p) => p.resultLabel },
          ],
          rows: batch.people,
        });
  await database.db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'employmentCheck.download',
      targetType: 'employmentCheck',
      targetId: id,
      ip: options.ip,
      detail: { format },
    }),
  );
  return {
    content,
    mime: format === 'docx' ? docxMime : xlsxMime,
    disposition: contentDisposition(`${title}.${format}`, `employment-check-${batch.id}.${format}`),
  };
}
