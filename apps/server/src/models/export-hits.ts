import { findModel } from '@procura/collide';
import type { Db } from '@procura/db';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { assertExportable, exportFileName } from '../export/send-xlsx.ts';
import type { XlsxColumn, XlsxSheet } from '../export/write-xlsx.ts';
import { hitFilter, presentHit, selectHits } from './list-hits.ts';
import { getRun } from './present-run.ts';
import type { THit, THitQuery } from './schema.ts';

const columns: XlsxColumn<THit>[] = [
  { header: '命中编号', value: (h) => h.id, kind: 'number', width: 10 },
  { header: '是否新增', value: (h) => (h.isNew ? '新增' : '此前已发现') },
  { header: '身份证号', value: (h) => h.idNumber ?? h.subject, width: 20 },
  { header: '姓名', value: (h) => h.name },
  { header: '笔数', value: (h) => h.count, kind: 'number' },
  { header: '金额（元）', value: (h) => h.amountFen, kind: 'fen' },
  {
    header: '匹配方式',
    value: (h) => (h.confidence === 'exact' ? '精确' : `疑似（${h.score?.toFixed(2)}）`),
  },
  { header: '说明', value: (h) => h.explanation, width: 60 },
  {
    header: '证据行',
    value: (h) => h.evidence.map((e) => `${e.file} 第${e.row}行`).join('；'),
    width: 40,
  },
  { header: '审查状态', value: (h) => h.statusLabel },
  { header: '排除理由', value: (h) => h.dismissReason },
  { header: '线索编号', value: (h) => h.clue?.id ?? null, kind: 'number' },
];

/** 导出命中 (personal data leaving the platform: audited with who, which run and how many). */
export async function prepareHitExport(
  db: Db,
  options: { runId: number; query: THitQuery; user: SessionUser; ip: string | null },
): Promise<{ fileName: string; asciiFileName: string; sheet: XlsxSheet<THit> }> {
  const run = await getRun(db, options.runId);
  if (!run) throw notFound('模型运行');
  const rows = (await selectHits(db, hitFilter(options.runId, options.query))).map(presentHit);
  assertExportable(rows.length);
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: actorOf(options.user),
      action: 'hit.export',
      targetType: 'modelRun',
      targetId: options.runId,
      ip: options.ip,
      detail: { filter: options.query, rows: rows.length },
    }),
  );
  const name = findModel(run.modelId)?.name ?? run.modelId;
  return {
    fileName: exportFileName(`${name}_第${run.id}次运行命中`),
    asciiFileName: `model-run-${run.id}-hits.xlsx`,
    sheet: { sheetName: '命中', columns, rows },
  };
}
