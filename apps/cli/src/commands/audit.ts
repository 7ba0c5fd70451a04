import { verifyAudit } from '@procura/server/audit/verify-audit';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链，指出第一条被篡改的记录')
    .action(() =>
      withDatabase(async (database) => {
        const result = await verifyAudit(database.db);
        if (result.ok) {
          process.stdout.write(`审计链完整：已校验 ${result.checked} 条记录\n`);
          return;
        }
        process.stderr.write(
          `审计链已损坏：第 ${result.broken!.id} 号记录${result.broken!.reason}（此前 ${result.checked} 条完好）\n`,
        );
        process.exitCode = 1;
      }),
    );
}
