/**
 * Benchmark of the collision engine against a hand-written DuckDB query (prisoner-subsidy).
 *   node bench/collide/run.ts --payments 1000000 --spells 20000 [--dir /tmp/procura-bench] [--skip-messy] [--repeat 3]
 * Writes generated files under --dir (never in the repository) and prints the figures. With
 * --repeat N the baseline and the engine run N times in turn and the median ratio is printed too:
 * on a shared 2-core machine one pair of runs can be 15 % off either way.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findModel, type HitSummary, type OpenRun, openRun, type RunProgress } from '@procura/collide';
import {
  cleanPaymentLines,
  cleanSpellLines,
  messyPaymentLines,
  messySpellLines,
  prisonerSubsidyScenario,
  referencePrisonerSubsidy,
  writeCsvLines,
} from '@procura/collide/generate/index';
import { runBaseline } from './baseline.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '300000' },
    spells: { type: 'string', default: '10000' },
    dir: { type: 'string', default: '/tmp/procura-bench' },
    seed: { type: 'string', default: '2026' },
    'skip-messy': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
  },
});
const payments = Number(values.payments);
const spellCount = Number(values.spells);
const dir = values.dir;
mkdirSync(dir, { recursive: true });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} 行/秒`;
/** CPU of this process over all its threads (DuckDB's included): steadier than wall time when others load the machine. */
let lastCpuMs = 0;
const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [result, performance.now() - start];
};

console.log(
  `数据碰撞基准：补助金 ${payments.toLocaleString('en-US')} 行 × 刑期 ${spellCount.toLocaleString('en-US')} 段`,
);
const scenario = prisonerSubsidyScenario({ seed: Number(values.seed), payments, spells: spellCount });
const files = {
  cleanPayments: join(dir, `payments-${payments}-${spellCount}-${values.seed}.csv`),
  cleanSpells: join(dir, `spells-${payments}-${spellCount}-${values.seed}.csv`),
  messyPayments: join(dir, `payments-${payments}-${spellCount}-${values.seed}-messy-gbk.csv`),
  messySpells: join(dir, `spells-${payments}-${spellCount}-${values.seed}-messy-gbk.csv`),
};
// Files of the same sizes and seed are reused: generating them is not what is measured.
const needed = values['skip-messy'] ? [files.cleanPayments, files.cleanSpells] : Object.values(files);
const reuse = needed.every((path) => existsSync(path));
const [, generated] = await time(async () => {
  if (reuse) return;
  // The baseline reads clean files; the engine reads the same clean files, then the messy GBK ones.
  await writeCsvLines(files.cleanPayments, cleanPaymentLines(scenario.payments()));
  await writeCsvLines(files.cleanSpells, cleanSpellLines(scenario.spells));
  if (!values['skip-messy']) {
    await writeCsvLines(files.messyPayments, messyPaymentLines(scenario.payments()), 'gbk');
    await writeCsvLines(files.messySpells, messySpellLines(scenario.spells), 'gbk');
  }
});
console.log(reuse ? `沿用已生成的数据（${dir}）` : `生成数据：${seconds(generated)}（${dir}）`);

const clean = { idNumber: 'id_number', name: 'name', paidDate: 'paid_date', amount: 'amount' };
const exact = (hits: HitSummary[]) => hits.filter((h) => h.confidence === 'exact');
const same = (hits: HitSummary[], expected: Map<string, { count: number; fen: number }>) =>
  exact(hits).length === expected.size &&
  exact(hits).every((h) => {
    const e = expected.get(h.subject);
    return e !== undefined && e.count === h.count && e.fen === Math.round((h.amount ?? 0) * 100);
  });

const rounds = Math.max(1, Number(values.repeat));
const ratios: { wall: number; cpu: number }[] = [];
let run: OpenRun | undefined;
let baselineMs = 0;
let baselineCpu = 0;
let engineMs = 0;
let engineCpu = 0;
for (let round = 1; round <= rounds; round++) {
  run?.close();
  const label = rounds > 1 ? `第 ${round} 轮 ` : '';
  const [baseline, baselineTime] = await time(() => runBaseline(files.cleanPayments, files.cleanSpells));
  baselineMs = baselineTime;
  baselineCpu = lastCpuMs;
  console.log(
    `${label}手写 SQL 基线（读 CSV + 连接 + 汇总）：${seconds(baselineMs)}（CPU ${seconds(baselineCpu)}），命中 ${baseline.size} 人`,
  );

  let engineStart = 0;
  const stageAt: Partial<Record<RunProgress['stage'], number>> = {};
  // What `procura collide … --out hits.jsonl` does: the run (hits found and explained, evidence rows
  // located in DuckDB), then every hit with all its evidence rows written out.
  const [opened, engineTime] = await time(async () => {
    engineStart = performance.now();
    return openRun({
      spec: findModel('prisoner-subsidy'),
      inputs: { payments: [files.cleanPayments], prisoners: [files.cleanSpells] },
      overrides: { payments: clean, prisoners: { ...clean, admitted: 'admitted', released: 'released' } },
      onProgress: (p) => {
        if (p.stage !== 'import') stageAt[p.stage] = performance.now();
      },
    });
  });
  run = opened;
  engineMs = engineTime;
  engineCpu = lastCpuMs;
  const importedAt = stageAt.match ?? 0;
  ratios.push({ wall: engineMs / baselineMs, cpu: engineCpu / baselineCpu });
  console.log(
    `${label}引擎（导入清洗 + 编译 + 碰撞 + 汇总与说明，证据行留在 DuckDB 中待读）：${seconds(engineMs)}，为基线的 ${(engineMs / baselineMs).toFixed(2)} 倍` +
      `（CPU ${seconds(engineCpu)}，为基线的 ${(engineCpu / baselineCpu).toFixed(2)} 倍）；` +
      `其中导入清洗 ${seconds(importedAt - engineStart)}，碰撞与汇总 ${seconds((stageAt.explain ?? 0) - importedAt)}，` +
      `说明 ${seconds((stageAt.done ?? 0) - (stageAt.explain ?? 0))}`,
  );
  console.log(
    `${label}引擎结果与基线一致：${same(run.hits, baseline) ? '是' : '否'}（精确命中 ${exact(run.hits).length} 人）`,
  );
}
if (rounds > 1) {
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
  console.log(
    `${rounds} 轮的中位数：引擎为基线的 ${median(ratios.map((r) => r.wall)).toFixed(2)} 倍（CPU ${median(ratios.map((r) => r.cpu)).toFixed(2)} 倍）；` +
      `各轮 ${ratios.map((r) => r.wall.toFixed(2)).join('、')}`,
  );
}
const [, writeMs] = await time(async () => {
  try {
    await run!.write(join(dir, 'hits.jsonl'));
  } finally {
    run!.close();
  }
});
console.log(
  `写出 .jsonl（每个命中及其全部证据行，由 DuckDB 生成）：${seconds(writeMs)}（CPU ${seconds(lastCpuMs)}）；` +
    `引擎连同写出（即 procura collide 的全过程）为基线的 ${((engineMs + writeMs) / baselineMs).toFixed(2)} 倍` +
    `（CPU ${((engineCpu + lastCpuMs) / baselineCpu).toFixed(2)} 倍）`,
);

if (!values['skip-messy']) {
  let started = 0;
  let imported = 0;
  let cpuAtStart = process.cpuUsage();
  let importCpu = 0;
  const [messy, messyMs] = await time(() => {
    started = performance.now();
    cpuAtStart = process.cpuUsage();
    return openRun({
      spec: findModel('prisoner-subsidy'),
      inputs: { payments: [files.messyPayments], prisoners: [files.messySpells] },
      onProgress: (p) => {
        if (p.stage === 'match') {
          imported = performance.now();
          const cpu = process.cpuUsage(cpuAtStart);
          importCpu = (cpu.user + cpu.system) / 1000;
        }
      },
    });
  });
  const rows = messy.inputs.reduce((sum, input) => sum + input.rowsRead, 0);
  const importMs = imported - started;
  console.log(
    `杂乱 GBK 文件导入清洗：${rows.toLocaleString('en-US')} 行 ${seconds(importMs)}，${rate(rows, importMs)}；` +
      `CPU ${seconds(importCpu)}（所有线程合计）；剔除 ${messy.rejects.filter((r) => !r.kept).length} 条；端到端 ${seconds(messyMs)}`,
  );
  const reference = referencePrisonerSubsidy(scenario.spells, scenario.payments());
  console.log(`杂乱数据结果与独立计算一致：${same(messy.hits, reference) ? '是' : '否'}`);
  messy.close();
}
console.log(
  `系统负载（1/5/15 分钟）：${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}，CPU ${cpus().length} 核`,
);
console.log(`峰值内存（RSS）：${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
