import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CollideError,
  type ColumnKey,
  canonicalColumns,
  findModel,
  isColumnKey,
  listModels,
  openRun,
  type RunProgress,
  rejectsPath,
  writeRejects,
} from '@procura/collide';
import { chinaDate } from '@procura/domain/china-time';
import { formatYuan } from '@procura/domain/clean/amount';
import type { Command } from 'commander';

const collect = (value: string, previous: string[]) => [...previous, value];
const count = (n: number) => n.toLocaleString('en-US');

/** `ROLE=FILE` pairs → role → files. */
function parseInputs(pairs: string[]): Record<string, string[]> {
  const inputs: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new CollideError('missingInput', `--input 应写成 角色=文件，收到「${pair}」`);
    const role = pair.slice(0, at);
    inputs[role] = [...(inputs[role] ?? []), resolve(pair.slice(at + 1))];
  }
  return inputs;
}

/** `ROLE.COLUMN=表头` pairs → role → column → header. */
function parseMaps(pairs: string[]): Record<string, Partial<Record<ColumnKey, string>>> {
  const maps: Record<string, Partial<Record<ColumnKey, string>>> = {};
  for (const pair of pairs) {
    const match = /^([^.=]+)\.([^=]+)=(.+)$/.exec(pair);
    if (!match) throw new CollideError('missingColumn', `--map 应写成 角色.列=表头，收到「${pair}」`);
    const [, role, column, header] = match as unknown as [string, string, string, string];
    if (!isColumnKey(column)) {
      throw new CollideError(
        'missingColumn',
        `--map 中的列 ${column} 不存在（可用：${Object.keys(canonicalColumns).join('、')}）`,
      );
    }
    maps[role] = { ...maps[role], [column]: header };
  }
  return maps;
}

/** A one-line progress bar on stderr, only on a terminal. */
function progressBar(): ((progress: RunProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (progress.stage === 'import' && now - last < 100) return;
    last = now;
    let line =
      { match: '碰撞比对中…', explain: '生成说明与证据…', done: '' }[progress.stage as 'match'] ?? '';
    if (progress.stage === 'import') {
      const share = progress.totalBytes ? progress.bytesRead! / progress.totalBytes : undefined;
      const bar =
        share === undefined
          ? ''
          : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
      line = `导入 ${progress.role} ${bar}${count(progress.rowsRead ?? 0)} 行`;
    }
    process.stderr.write(`\r\u001b[2K${line}`);
  };
}

export function registerCollideCommands(program: Command): void {
  program
    .command('models')
    .description('列出内置的大数据法律监督模型及其所需输入')
    .action(() => {
      for (const model of listModels()) {
        process.stdout.write(`${model.id}  ${model.name}\n  ${model.description}\n`);
        for (const input of model.inputs) {
          const columns = Object.entries(input.columns)
            .map(([key, column]) => {
              const label = canonicalColumns[key as ColumnKey].label;
              return column?.optional ? `[${label}]` : label;
            })
            .join('、');
          process.stdout.write(`  --input ${input.role}=文件  ${input.label}：${columns}\n`);
        }
      }
      process.stdout.write('（方括号内的列可缺省。命中须经人工二次复核后方可作为线索。）\n');
    });

  program
    .command('collide [model]')
    .description('数据碰撞：离线比对 CSV/Excel 文件，输出命中、说明与证据（无需服务器和数据库）')
    .option('-i, --input <角色=文件>', '输入文件，可重复', collect, [])
    .option('-m, --map <角色.列=表头>', '指定某列对应的表头，可重复', collect, [])
    .option('--spec <file.json>', '使用自定义模型定义（JSON）')
    .option('--sheet <name>', 'Excel 工作表名称（默认第一个）')
    .option('--as-of <YYYY-MM-DD>', '核查日（默认今天）')
    .requiredOption('-o, --out <file>', '输出文件：.jsonl、.csv（UTF-8 BOM）或 .xlsx')
    .action(
      async (
        modelId: string | undefined,
        options: {
          input: string[];
          map: string[];
          spec?: string;
          sheet?: string;
          asOf?: string;
          out: string;
        },
      ) => {
        let spec: unknown;
        if (options.spec) {
          try {
            spec = JSON.parse(await readFile(resolve(options.spec), 'utf8'));
          } catch (error) {
            throw new CollideError(
              'badSpec',
              `无法读取模型定义 ${options.spec}：${error instanceof Error ? error.message : error}`,
            );
          }
        } else {
          if (!modelId)
            throw new CollideError(
              'unknownModel',
              '请指定模型（npx procura models 可列出全部模型）或 --spec 文件',
            );
          spec = findModel(modelId);
          if (!spec) {
            const ids = listModels().map((m) => m.id);
            throw new CollideError('unknownModel', `未知模型 ${modelId}（可用：${ids.join('、')}）`);
          }
        }
        const out = resolve(options.out);
        const onProgress = progressBar();
        const result = await openRun({
          spec,
          inputs: parseInputs(options.input),
          overrides: parseMaps(options.map),
          sheet: options.sheet,
          // The command's "today" is China's calendar day, whatever the machine's time zone.
          asOf: options.asOf ?? chinaDate(new Date()),
          onProgress,
        });
        if (onProgress) process.stderr.write('\r\u001b[2K');
        try {
          await result.write(out);
        } finally {
          result.close();
        }
        const rejectsFile = rejectsPath(out);
        await writeRejects(rejectsFile, result.rejects);
        const lines = [`模型：${result.model.id} ${result.model.name}`];
        for (const input of result.inputs) {
          lines.push(
            `输入 ${input.role}：读取 ${count(input.rowsRead)} 行，清洗后 ${count(input.rowsCleaned)} 行，剔除 ${count(input.rowsRejected)} 行，标记 ${count(input.rowsFlagged)} 行`,
          );
        }
        const exact = result.hits.filter((hit) => hit.confidence === 'exact').length;
        lines.push(
          `命中 ${count(result.hits.length)} 个（精确 ${count(exact)}，疑似 ${count(result.hits.length - exact)}），涉及金额 ${formatYuan(Math.round(result.totalAmount * 100))} 元`,
          `结果：${out}`,
          `剔除与标记明细：${rejectsFile}（${count(result.rejects.length)} 条）`,
          '命中须经人工二次复核后方可作为线索。',
        );
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
