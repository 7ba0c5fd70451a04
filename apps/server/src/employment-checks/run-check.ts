import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findModel, type Hit, runModel } from '@procura/collide';
import { scratchDir } from '../leftovers.ts';
import type { Hire } from './parse-hires.ts';
import type { OffenceRecord } from './parse-offence-records.ts';

const csvCell = (value: string | null) => `"${(value ?? '').replaceAll('"', '""')}"`;
const csv = (header: string[], rows: (string | null)[][]) =>
  `${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n')}\n`;

export interface PersonResult {
  idNumber: string;
  result: 'clear' | 'review';
  /** For the juvenile department's manual check; never shown to the school. */
  review: {
    confidence: string;
    explanation: string;
    records: { kind: string; occurredOn: string | null; row: number }[];
  }[];
}

/**
 * Runs the `child-sector-employment` model (packages/collide) on the hires against the records:
 * a person with any hit, exact or suspected (same name, birth date and region, different id), is
 * 需人工核实 — a hit is never a conclusion until a prosecutor has checked it.
 */
export async function runEmploymentCheck(
  hires: Hire[],
  records: OffenceRecord[],
  organisation: string,
): Promise<Map<string, PersonResult>> {
  const spec = findModel('child-sector-employment');
  if (!spec) throw new Error('child-sector-employment model missing from packages/collide');
  const results = new Map<string, PersonResult>(
    hires.map((h) => [h.idNumber, { idNumber: h.idNumber, result: 'clear', review: [] }]),
  );
  if (records.length === 0) return results;
  const dir = await mkdtemp(join(await scratchDir(), 'employment-'));
  try {
    const staff = join(dir, 'staff.csv');
    const offences = join(dir, 'records.csv');
    await writeFile(
      staff,
      csv(
        ['身份证号', '姓名', '单位名称'],
        hires.map((h) => [h.idNumber, h.name, organisation]),
      ),
    );
    await writeFile(
      offences,
      csv(
        ['身份证号', '姓名', '罪名', '判决日期'],
        records.map((r) => [r.idNumber, r.name, r.kind, r.occurredOn]),
      ),
    );
    const run = await runModel({ spec, inputs: { staff: [staff], records: [offences] } });
    for (const hit of run.hits) addHit(results, hit, records);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

function addHit(results: Map<string, PersonResult>, hit: Hit, records: OffenceRecord[]): void {
  const person = results.get(hit.subject);
  if (!person) return;
  person.result = 'review';
  person.review.push({
    confidence:
      hit.confidence === 'exact'
        ? '身份证号一致'
        : `疑似（姓名、出生日期、籍贯地区码一致，相似度 ${hit.confidence.suspected}）`,
    explanation: hit.explanation,
    records: hit.evidence
      .filter((e) => e.role === 'records')
      .map((e) => {
        // Evidence rows count from the CSV's header line; our records are in file order.
        const record = records[e.row - 2];
        return {
          kind: String(e.values.kind ?? record?.kind ?? ''),
          occurredOn: record?.occurredOn ?? null,
          row: record?.row ?? e.row,
        };
      }),
  });
}
