import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { ensureFirstAdministrator } from '../../server/features/users/bootstrap';
import { systemClock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { openDatabase } from '../../server/platform/db/kysely';
import { migrateToLatest } from '../../server/platform/db/migrate';
import { createPasswordHasher } from '../../server/platform/hashing';
import { startMail } from '../../server/platform/mail/index';
import type { Fixtures } from '../lib/types';

/**
 * The real app as `npm start` builds it, on a fresh SQLite database in a temp DATA_DIR, logger
 * off, request budgets raised so they do not cap the run. Seeded through its own API: the first
 * administrator signs in (session cookie) and generates an API key.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-'));
const password = 'bench-password-Quiet-Lantern-42';
const unlimited = String(1_000_000_000);
const config = loadConfig({
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  PUBLIC_URL: 'http://127.0.0.1',
  LOG_LEVEL: 'silent',
  ADMIN_PASSWORD: password,
  RATE_LIMIT_PER_MINUTE: unlimited,
  API_KEY_RATE_LIMIT_PER_MINUTE: unlimited,
  SIGN_IN_RATE_LIMIT_PER_MINUTE: unlimited,
});
const database = openDatabase(config);
await migrateToLatest(database.db);
const clock = systemClock;
const hasher = createPasswordHasher({ concurrency: config.hashConcurrency });
const mail = startMail({ config, db: database.db, dialect: database.dialect, clock });
await ensureFirstAdministrator({ db: database.db, clock, hasher, config }, () => {});
const app = await buildApp({
  config,
  db: database.db,
  dialect: database.dialect,
  clock,
  hasher,
  mail,
  logger: false,
  webDist: false,
});
await app.ready();

const JSONAPI = 'application/vnd.api+json';
const signIn = await app.inject({
  method: 'POST',
  url: '/api/sessions',
  headers: { 'content-type': JSONAPI },
  payload: { data: { type: 'sessions', attributes: { login: config.admin.username, password } } },
});
if (signIn.statusCode !== 201) throw new Error(`bench sign-in failed: ${signIn.statusCode} ${signIn.body}`);
const sessionCookie = signIn.cookies.find((cookie) => cookie.name.endsWith('atrium_session'));
const session = signIn.json().data;
const cookie = `${sessionCookie?.name}=${sessionCookie?.value}`;
const csrfToken: string = session.attributes.csrfToken;
const generated = await app.inject({
  method: 'POST',
  url: '/api/users/me/api-key',
  headers: { cookie, 'x-csrf-token': csrfToken },
});
if (generated.statusCode !== 201)
  throw new Error(`bench key failed: ${generated.statusCode} ${generated.body}`);

const fixtures: Fixtures = {
  userId: session.relationships.user.data.id,
  organizationId: session.relationships.organization.data.id,
  username: config.admin.username,
  password,
  cookie,
  csrfToken,
  apiKey: generated.json().data.attributes.key,
};

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0, fixtures });

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await mail.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
});

// BENCH_MEMORY_LOG=1: heap and RSS every second, to tell a leak from a lazy garbage collector.
if (process.env.BENCH_MEMORY_LOG) {
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 1048576).toFixed(0);
    console.error(
      `rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`,
    );
  }, 1000).unref();
}
