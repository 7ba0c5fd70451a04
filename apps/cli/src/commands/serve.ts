import { loadConfig } from '@procura/server/config';
import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动平台（API 与网页），默认 http://127.0.0.1:3000')
    .option('-p, --port <port>', '端口（默认取 PORT 环境变量或 3000）')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      // The whole app (DuckDB, exceljs, docx) loads only for this command, not for `procura user …`.
      const { startServer } = await import('@procura/server/server');
      const server = await startServer(config);
      process.stdout.write(`Procura 已启动：${server.url}\n`);
      const shutdown = () => {
        server.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`关闭时出错：${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    });
}
