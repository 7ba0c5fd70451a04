import { canonicalColumns, findModel, isColumnKey, type TModelSpec } from '@procura/collide';
import type { Database } from '@procura/db';
import { schema } from '@procura/db';
import { formatYuan } from '@procura/domain/clean/amount';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { actorOf, recordAudit } from '../audit/record-audit.ts';
import type { SessionUser } from '../auth/load-user.ts';
import { now } from '../clock.ts';
import { registerClue } from '../clues/register-clue.ts';
import { DomainError } from '../errors.ts';
import { loadHits } from './list-hits.ts';
import type { TToCluesBody } from './schema.ts';

const { collideHits: hits, collideRuns: runs } = schema;

type HitRow = Awaited<ReturnType<typeof loadHits>>[number];
type RunRow = typeof runs.$inferSelect;

/** Evidence rows written into a clue; the rest are counted and stay on the hit. */
const evidenceLines = 60;

/**
 * 命中转为线索: each hit becomes one clue (source 大数据模型) in the department the analyst
 * chooses, registered through the clue use case, so duplicates are flagged and the registration
 * audited as for any clue. The clue's text carries the explanation, the evidence rows and the run
 * it came from; the hit then points at its clue.
 */
export async function hitsToClues(
  database: Database,
  options: { input: TToCluesBody; user: SessionUser; ip: string | null },
): Promise<{ items: { hitId: number; clueId: number }[] }> {
  const ids = [...new Set(options.input.hitIds)];
  const found = await loadHits(database.db, ids);
  const missing = ids.filter((id) => !found.some((hit) => hit.id === id));
  if (missing.length > 0) throw new DomainError('NOT_FOUND', `命中不存在：#${missing.join('、#')}`);
  const already = found.filter((hit) => hit.clueId !== null);
  if (already.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `命中 #${already.map((h) => h.id).join('、#')} 已转为线索（线索 #${already.map((h) => h.clueId).join('、#')}）`,
    );
  }
  const runRows = await database.db
    .select()
    .from(runs)
    .where(inArray(runs.id, [...new Set(found.map((hit) => hit.runId))]));
  const items: { hitId: number; clueId: number }[] = [];
  for (const hit of found.sort((a, b) => a.id - b.id)) {
    const run = runRows.find((r) => r.id === hit.runId)!;
    const spec = findModel(run.modelId);
    if (!spec) throw new DomainError('VALIDATION', `模型 ${run.modelId} 已不存在`);
    // The hit is claimed in the clue's own transaction: of two analysts at the same moment, one
    // makes the clue and the other gets the conflict, and no clue is left without its hit.
    const { clue } = await registerClue(database, {
      input: {
        source: 'dataModel',
        title: `${spec.name}：${hit.name ?? hit.subject}`.slice(0, 200),
        description: describe(spec, run, hit),
        departmentId: options.input.departmentId,
        ...(options.input.pilField ? { pilField: options.input.pilField } : {}),
        parties: partyOf(hit),
      },
      user: options.user,
      ip: options.ip,
      alongside: async (tx, clueId) => {
        const linked = await tx
          .update(hits)
          .set({ status: 'clue', clueId, reviewedBy: options.user.id, reviewedAt: now() })
          .where(and(eq(hits.id, hit.id), isNull(hits.clueId)))
          .returning({ id: hits.id });
        if (linked.length === 0) throw new DomainError('CONFLICT', `命中 #${hit.id} 已被他人转为线索`);
        await recordAudit(tx, {
          actor: actorOf(options.user),
          action: 'hit.toClue',
          targetType: 'modelHit',
          targetId: hit.id,
          ip: options.ip,
          detail: { runId: run.id, modelId: run.modelId, clueId, departmentId: options.input.departmentId },
        });
      },
    });
    items.push({ hitId: hit.id, clueId: clue.id });
  }
  return { items };
}

function partyOf(hit: HitRow): { kind: 'person'; name: string; idNumber?: string }[] {
  if (!hit.name && !hit.idNumber) return [];
  // An id the engine kept but flagged (wrong check digit) stays in the text, not as a party's id.
  const cleaned = hit.idNumber ? cleanIdNumber(hit.idNumber) : null;
  const idNumber = cleaned?.ok && !cleaned.problem ? cleaned.value : undefined;
  return [{ kind: 'person', name: hit.name ?? '（姓名不详）', ...(idNumber ? { idNumber } : {}) }];
}

/** A clue's text is at most 20,000 characters: fewer evidence rows until it fits. */
const descriptionLimit = 20_000;

/** The clue's text: the sentence, the rows behind it and the run that found it. */
export function describe(spec: TModelSpec, run: RunRow, hit: HitRow): string {
  for (let rows = evidenceLines; ; rows = Math.floor(rows / 2)) {
    const text = describeWith(spec, run, hit, rows);
    if (text.length <= descriptionLimit || rows === 0) return text.slice(0, descriptionLimit);
  }
}

function describeWith(spec: TModelSpec, run: RunRow, hit: HitRow, shown: number): string {
  const labelOf = (role: string) => spec.inputs.find((i) => i.role === role)?.label ?? role;
  const lines = hit.evidence.slice(0, shown).map((row, i) => {
    const values = Object.entries(row.values)
      .filter(([, value]) => value !== null && value !== '')
      .map(([key, value]) => `${isColumnKey(key) ? canonicalColumns[key].label : key} ${value}`)
      .join('；');
    return `${i + 1}. ${labelOf(row.role)}「${row.file}」第 ${row.row} 行：${values}`;
  });
  if (hit.evidence.length > shown) lines.push(`……另有 ${hit.evidence.length - shown} 行，见命中 #${hit.id}`);
  const match =
    hit.confidence === 'exact'
      ? '身份证号一致'
      : `疑似（身份证号不同，姓名、出生日期、地区相似度 ${hit.score?.toFixed(2)}）`;
  const sources = run.inputs.map((input) => `${input.fileName}（sha256 ${input.contentHash.slice(0, 12)}…）`);
  return [
    hit.explanation,
    '',
    `匹配方式：${match}；涉及 ${hit.count} 笔${hit.amountFen === null ? '' : `，金额 ${formatYuan(hit.amountFen)} 元`}。`,
    '',
    '证据（来源文件、行号、清洗后的值）：',
    ...lines,
    '',
    `来源：大数据法律监督模型「${spec.name}」第 ${run.id} 次运行，命中 #${hit.id}；数据集 ${sources.join('、')}。命中须经人工复核，请核实身份与事实后处置。`,
  ].join('\n');
}
