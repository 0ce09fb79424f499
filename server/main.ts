import { buildApp } from './app';
import { startReminderWorker } from './features/reminders/worker';
import { systemClock } from './platform/clock';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/kysely';
import { createPasswordHasher } from './platform/hashing';
import { startMail } from './platform/mail/index';
import { prepareDatabase } from './start-up';

/**
 * The process: read the configuration, open and migrate the database, make sure an administrator
 * exists, start HTTP and the mail worker, and shut down gracefully on SIGTERM/SIGINT (stop
 * accepting, finish in-flight requests, stop the worker claiming, close the database, exit 0).
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = openDatabase(config);
  const clock = systemClock;
  const hasher = createPasswordHasher({ concurrency: config.hashConcurrency });
  // Several processes may start together on a new database: one migrates and creates the first
  // administrator, the others wait for it.
  await prepareDatabase(database, { config, clock, hasher }, (line) => console.log(line));
  const mail = startMail({ config, db: database.db, dialect: database.dialect, clock });
  const app = await buildApp({ config, db: database.db, dialect: database.dialect, clock, hasher, mail });
  mail.attachLogger(app.log);
  // Reminders of events and tasks (issue 14): due rows claimed like the outbox's mail, mailed through it.
  const reminders = startReminderWorker({
    db: database.db,
    dialect: database.dialect,
    clock,
    config,
    mail,
    log: app.log,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await reminders.stop();
      await mail.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Atrium is running at ${config.publicUrl} (API sandbox: ${config.publicUrl}/api/doc)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
