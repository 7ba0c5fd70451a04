import { resolve } from 'node:path';
import { type BackupSummary, backupDatabase, restoreDatabase } from '@procura/db';
import { loadConfig } from '@procura/server/config';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

/** Model data-set snapshots: `collide_datasets.snapshot`, relative to the data folder. */
const datasetFiles = () => ({
  root: loadConfig().dataDir,
  columns: [{ table: 'collide_datasets', column: 'snapshot' }],
});

const describe = (summary: BackupSummary) =>
  Object.entries(summary.tables)
    .map(([table, rows]) => `${table} ${rows} 行`)
    .join('，');

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('把数据库导出为一致的备份文件（gzip 压缩的 JSON 行），可恢复到 PGlite 或 PostgreSQL')
    .option('--with-datasets', '把模型数据集的快照文件一并写入备份，一个文件即可恢复全部')
    .action((file: string, options: { withDatasets?: boolean }) =>
      withDatabase(async (database) => {
        const summary = await backupDatabase(
          database,
          resolve(file),
          options.withDatasets ? { files: datasetFiles() } : {},
        );
        process.stdout.write(`已备份到 ${resolve(file)}：${describe(summary)}\n`);
        if (summary.files) process.stdout.write(`含数据集快照文件 ${summary.files.length} 个\n`);
        if (summary.missingFiles?.length) {
          process.stderr.write(
            `警告：以下数据集快照文件不在数据目录中，未能写入备份：${summary.missingFiles.join('、')}\n`,
          );
        }
      }),
    );

  program
    .command('restore <file>')
    .description(
      '把备份恢复到一个空数据库（PROCURA_DATA_DIR 或 DATABASE_URL 指向的库）；备份含数据集快照文件时一并恢复',
    )
    .action((file: string) =>
      withDatabase(async (database) => {
        const summary = await restoreDatabase(database, resolve(file), { filesRoot: loadConfig().dataDir });
        process.stdout.write(`已从 ${resolve(file)} 恢复：${describe(summary)}\n`);
        const datasets = summary.tables.collide_datasets ?? 0;
        if (summary.files?.length) process.stdout.write(`已恢复数据集快照文件 ${summary.files.length} 个\n`);
        else if (datasets > 0) {
          process.stdout.write(
            `注意：备份中有 ${datasets} 个模型数据集，但不含其快照文件（备份时未加 --with-datasets）；请把原数据目录的 datasets 文件夹复制过来，或重新上传这些数据集\n`,
          );
        }
      }),
    );
}
