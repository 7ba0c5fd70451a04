import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerCollideCommands } from './commands/collide.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/user.ts';

const program = new Command('procura')
  .description('Procura 检察履职一体化平台')
  .showHelpAfterError('（使用 --help 查看用法）');

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerCollideCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
