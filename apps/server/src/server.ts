import { formSheetLimits, warmSpreadsheetReader } from '@procura/collide';
import { migrate, openDatabase } from '@procura/db';
import { buildApp } from './app.ts';
import { initialise } from './bootstrap/initialise.ts';
import { clockFrom, systemClock, withClock } from './clock.ts';
import type { Config } from './config.ts';
import { createLogger } from './http/logger.ts';
import { removeLeftovers } from './leftovers.ts';

/**
 * Opens the database, applies migrations, seeds an empty database, serves, and on SIGTERM/SIGINT
 * lets in-flight requests finish before closing the database.
 */
export async function startServer(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  const logger = createLogger({ level: config.logLevel });
  const clock = config.clockAt ? clockFrom(config.clockAt) : systemClock;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info({ database: database.kind, location: database.location }, 'database opened');
  try {
    await migrate(database);
    const init = await withClock(clock, () =>
      initialise(database, {
        demo: config.demo,
        demoWork: config.demoWork ?? true,
        adminPassword: config.adminPassword,
      }),
    );
    const removed = await removeLeftovers(config.dataDir);
    if (removed.length > 0)
      logger.warn({ count: removed.length }, 'removed files left by an interrupted upload or check');
    if (init.status === 'demo') logger.info('created the demo procuratorate (演示数据)');
    if (init.status === 'empty' && init.generatedPassword) {
      // Printed once, to the console of whoever started the first run; never logged again.
      process.stdout.write(
        `\n初始管理员账号：${init.adminUsername}\n初始密码（仅显示这一次，首次登录后须修改）：${init.generatedPassword}\n\n`,
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({ database, config, logger, clock });
  const address = await app.listen({ port: config.port, host: config.host });
  if (!config.publicUrl) {
    logger.warn('PROCURA_PUBLIC_URL 未设置：校园信箱二维码和海报无法生成');
  }
  // The first uploaded form need not wait for the spreadsheet reader's worker to start.
  warmSpreadsheetReader(formSheetLimits);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      // In-flight requests get ten seconds to finish; then remaining sockets are cut.
      const force = setTimeout(() => app.server.closeAllConnections(), 10_000);
      force.unref();
      await app.close();
      clearTimeout(force);
      await database.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { url: address, stop };
}
