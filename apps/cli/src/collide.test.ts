import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hit } from '@procura/collide';
import {
  deceasedPensionScenario,
  messyDeathLines,
  messyPaymentLines,
  messyPensionLines,
  messySpellLines,
  prisonerSubsidyScenario,
  type ReferenceHit,
  referenceDeceasedPension,
  referencePrisonerSubsidy,
  writeCsvLines,
} from '@procura/collide/generate/index';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stopStartedProcesses } from './testing/spawn-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'procura-collide-'));
afterAll(async () => {
  await stopStartedProcesses();
  rmSync(dir, { recursive: true, force: true });
});

const readHits = (path: string): Hit[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Hit);

/** Exact hits as subject → { count, fen }, to compare with the plain-code computation. */
const exactHits = (hits: Hit[]) =>
  new Map<string, ReferenceHit>(
    hits
      .filter((hit) => hit.confidence === 'exact')
      .map((hit) => [hit.subject, { count: hit.count, fen: Math.round(hit.amount! * 100) }]),
  );

describe('procura collide', () => {
  it('prisoner-subsidy on generated messy GBK data equals an independent plain computation', async () => {
    const scenario = prisonerSubsidyScenario({ seed: 11, payments: 20_000, spells: 1_500 });
    const payments = join(dir, 'payments.csv');
    const spells = join(dir, 'spells.csv');
    await writeCsvLines(payments, messyPaymentLines(scenario.payments()), 'gbk');
    await writeCsvLines(spells, messySpellLines(scenario.spells), 'utf8bom');
    const out = join(dir, 'subsidy.jsonl');
    const run = await runCli(
      [
        'collide',
        'prisoner-subsidy',
        '--input',
        `payments=${payments}`,
        '--input',
        `prisoners=${spells}`,
        '--out',
        out,
      ],
      {},
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = referencePrisonerSubsidy(scenario.spells, scenario.payments());
    expect(expected.size).toBeGreaterThan(100);
    expect(exactHits(readHits(out))).toEqual(expected);
    const spoiled = [...scenario.payments()].filter((p) => p.spoiled).length;
    expect(run.stdout).toContain(
      `输入 payments：读取 20,000 行，清洗后 ${(20_000 - spoiled).toLocaleString('en-US')} 行，剔除 ${spoiled} 行`,
    );
    expect(run.stdout).toContain('命中须经人工二次复核后方可作为线索。');
    const rejects = readFileSync(join(dir, 'subsidy.rejects.csv'), 'utf8');
    expect(rejects.startsWith('\ufeff输入,文件,行号,列,原值,原因,处理')).toBe(true);
    expect(rejects.split('\r\n').filter((line) => line.endsWith('已剔除'))).toHaveLength(spoiled);
  });

  it('deceased-pension on generated messy data equals an independent plain computation; CSV and xlsx outputs', async () => {
    const scenario = deceasedPensionScenario({ seed: 12, pensioners: 400 });
    const pensions = join(dir, 'pensions.csv');
    const deaths = join(dir, 'deaths.csv');
    await writeCsvLines(pensions, messyPensionLines(scenario.pensions), 'gbk');
    await writeCsvLines(deaths, messyDeathLines(scenario.deaths));
    const inputs = ['--input', `pensions=${pensions}`, '--input', `deaths=${deaths}`];
    const jsonl = join(dir, 'pension.jsonl');
    const run = await runCli(['collide', 'deceased-pension', ...inputs, '--out', jsonl], {});
    expect(run.code).toBe(0);
    const expected = referenceDeceasedPension(scenario.deaths, scenario.pensions);
    expect(expected.size).toBeGreaterThan(5);
    expect(exactHits(readHits(jsonl))).toEqual(expected);

    const csv = join(dir, 'pension.csv');
    expect((await runCli(['collide', 'deceased-pension', ...inputs, '--out', csv], {})).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeff序号,身份证号,姓名,比对对象,笔数,金额（元）,匹配方式,说明,证据（文件 行号）',
    );
    expect(lines.filter((line) => line !== '')).toHaveLength(readHits(jsonl).length + 1);

    const xlsx = join(dir, 'pension.xlsx');
    expect((await runCli(['collide', 'deceased-pension', ...inputs, '--out', xlsx], {})).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('命中')!;
    expect(sheet.getRow(1).getCell(8).value).toBe('说明');
    expect(sheet.rowCount).toBe(readHits(jsonl).length + 1);
  });

  it('lists the models with their Chinese names and inputs', async () => {
    const run = await runCli(['models'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('prisoner-subsidy  服刑人员违规领取补(救)助金');
    expect(run.stdout).toContain('--input deaths=文件');
    expect(run.stdout.match(/^\S+ {2}\S/gm)).toHaveLength(8);
  });

  it('exits non-zero with a clear Chinese message on unusable input', async () => {
    const out = join(dir, 'x.jsonl');
    const unknown = await runCli(['collide', 'no-such-model', '--input', 'a=b.csv', '--out', out], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('错误：未知模型 no-such-model');
    const missing = await runCli(
      [
        'collide',
        'deceased-pension',
        '--input',
        `pensions=${join(dir, 'none.csv')}`,
        '--input',
        `deaths=${join(dir, 'deaths.csv')}`,
        '--out',
        out,
      ],
      {},
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
    const column = await runCli(
      [
        'collide',
        'deceased-pension',
        '--input',
        `pensions=${join(dir, 'deaths.csv')}`,
        '--input',
        `deaths=${join(dir, 'deaths.csv')}`,
        '--out',
        out,
      ],
      {},
    );
    expect(column.code).toBe(1);
    expect(column.stderr).toContain(
      '缺少必需的列：发放年月（payMonth）、金额（amount）。找到的表头：姓名、公民身份号码、死亡日期',
    );
    const format = await runCli(
      [
        'collide',
        'deceased-pension',
        '--input',
        `pensions=${join(dir, 'pensions.csv')}`,
        '--input',
        `deaths=${join(dir, 'deaths.csv')}`,
        '--out',
        join(dir, 'x.pdf'),
      ],
      {},
    );
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('不支持的输出格式 .pdf');
  });
});
