import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('对数据库执行迁移（启动时也会自动执行）')
    .action(() =>
      withDatabase(async (database) => {
        process.stdout.write(`数据库已是最新结构（${database.kind}：${database.location}）\n`);
      }),
    );
}
