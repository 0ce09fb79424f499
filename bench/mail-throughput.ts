import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../server/platform/clock';
import { type Config, loadConfig } from '../server/platform/config';
import type { Database } from '../server/platform/db/kysely';
import { queueMail } from '../server/platform/mail/outbox';
import { createTransport } from '../server/platform/mail/transport';
import { createMailWorker } from '../server/platform/mail/worker';
import { startSmtpSink } from '../tests/helpers/smtp-sink';
import { openBenchDatabase } from './lib/bench-database';

/**
 * The mail worker's throughput: N queued messages delivered by one worker to a real SMTP server
 * on 127.0.0.1 (smtp-server, the tests' sink) and to the local mailbox, on SQLite — or on
 * PostgreSQL when DATABASE_URL points at one (a schema of its own, dropped afterwards).
 *
 *   npx tsx bench/mail-throughput.ts [--messages 2000] [--concurrency 4] [--batch 20]
 */
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    batch: { type: 'string', default: '20' },
  },
});
const total = Number(values.messages);
const concurrency = Number(values.concurrency);
const batchSize = Number(values.batch);

async function queueAll(database: Database, config: Config): Promise<void> {
  const chunk = 200;
  for (let start = 0; start < total; start += chunk) {
    await database.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(total, start + chunk); i++) {
        await queueMail(
          trx,
          { clock: systemClock, config },
          {
            template: 'password-reset',
            to: { address: `person${i}@example.com`, name: `Person ${i}` },
            data: { name: `Person ${i}`, token: `token-${i}`, expiresInHours: 1, byAdministrator: false },
            organizationId: null,
          },
        );
      }
    });
  }
}

async function run(label: string, config: Config, dataDir: string, delivered: () => number): Promise<number> {
  const { database, drop } = await openBenchDatabase(fs.mkdtempSync(path.join(dataDir, 'db-')), 'bench_mail');
  try {
    await queueAll(database, config);
    const worker = createMailWorker({
      db: database.db,
      dialect: database.dialect,
      clock: systemClock,
      transport: createTransport(config, { maxConnections: concurrency }),
      concurrency,
      batchSize,
    });
    const started = process.hrtime.bigint();
    const claimed = await worker.drain();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await worker.stop();
    const sent = await database.db
      .selectFrom('mailOutbox')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    const rate = total / seconds;
    console.log(
      `${label.padEnd(28)} ${String(total).padStart(6)} messages in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} messages/s ` +
        `(claimed ${claimed}, marked sent ${Number(sent.count)}, received ${delivered()})`,
    );
    return rate;
  } finally {
    await drop();
  }
}

async function main(): Promise<void> {
  const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(
    `Mail worker throughput on ${dialect}: one worker, ${concurrency} sends at once, claims of ${batchSize} (Node ${process.version}, ${os.cpus().length} CPUs)`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-mail-'));
  const sink = await startSmtpSink({ parse: false });
  try {
    const base = { DATA_DIR: dataDir, PUBLIC_URL: 'https://atrium.example', LOG_LEVEL: 'silent' };
    await run(
      'SMTP (127.0.0.1 sink)',
      loadConfig({ ...base, SMTP_URL: sink.url }),
      dataDir,
      () => sink.received,
    );
    const mailbox = path.join(dataDir, 'mail');
    await run('local mailbox (.eml files)', loadConfig(base), dataDir, () => fs.readdirSync(mailbox).length);
  } finally {
    await sink.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
