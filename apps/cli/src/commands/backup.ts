import { resolve } from 'node:path';
import { type BackupSummary, backupDatabase, restoreDatabase } from '@procura/db';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

const describe = (summary: BackupSummary) =>
  Object.entries(summary.tables)
    .map(([table, rows]) => `${table} ${rows} 行`)
    .join('，');

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('把数据库导出为一致的备份文件（gzip 压缩的 JSON 行），可恢复到 PGlite 或 PostgreSQL')
    .action((file: string) =>
      withDatabase(async (database) => {
        const summary = await backupDatabase(database, resolve(file));
        process.stdout.write(`已备份到 ${resolve(file)}：${describe(summary)}\n`);
      }),
    );

  program
    .command('restore <file>')
    .description('把备份恢复到一个空数据库（PROCURA_DATA_DIR 或 DATABASE_URL 指向的库）')
    .action((file: string) =>
      withDatabase(async (database) => {
        const summary = await restoreDatabase(database, resolve(file));
        process.stdout.write(`已从 ${resolve(file)} 恢复：${describe(summary)}\n`);
      }),
    );
}
