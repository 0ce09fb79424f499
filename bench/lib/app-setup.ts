import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { normalizeUsername } from '../../common/login-keys';
import { buildApp } from '../../server/app';
import type { CliContext } from '../../server/cli/context';
import { demoSeed } from '../../server/cli/demo';
import { seedActivities } from '../../server/cli/demo-activities';
import { ensureFirstAdministrator } from '../../server/features/users/bootstrap';
import { systemClock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { migrateToLatest } from '../../server/platform/db/migrate';
import { createPasswordHasher } from '../../server/platform/hashing';
import { startMail } from '../../server/platform/mail/index';
import type { Fixtures } from './types';

export type BenchApp = { app: FastifyInstance; fixtures: Fixtures; close(): Promise<void> };

/**
 * The real app as `npm start` builds it, on a fresh database: SQLite in a temp DATA_DIR, or, when
 * DATABASE_URL is `postgres://…`, a schema of its own in that database (dropped on close). The
 * logger is off unless LOG_LEVEL is set (then as `npm start` logs: pino to stdout); request
 * budgets are raised so they do not cap the run, except with BENCH_BUDGETS=default: then each API
 * key and each caller's costly list requests keep Atrium's default budgets (the per-IP budget
 * stays raised: every caller of the bench comes from 127.0.0.1). Seeded through its own API: the first
 * administrator signs in (session cookie) and generates an API key, and creates BENCH_WRITERS
 * members (none unless set) who each get an API key (`Fixtures.writers`, the mixed scenario's).
 */
export async function startBenchApp(env: NodeJS.ProcessEnv = process.env): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-'));
  const password = 'bench-password-Quiet-Lantern-42';
  const unlimited = String(1_000_000_000);
  const databaseUrl = env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : undefined;
  const activities = Number(env.BENCH_ACTIVITIES ?? '0');
  const users = Number(env.BENCH_USERS ?? '0');
  const auditEvents = Number(env.BENCH_AUDIT_EVENTS ?? '0');
  const seeded = { users, auditEvents, activities };
  // A seeded database is kept and reused by later runs (seeding 1,000,000 rows takes minutes).
  const cache =
    (users > 0 || activities > 0) && env.BENCH_CACHE !== '0' ? seededCache(env, seeded) : undefined;
  let reused = false;
  let schema = databaseUrl ? `bench_${Date.now().toString(36)}_${process.pid}` : undefined;
  if (databaseUrl && cache) {
    schema = cache.schema;
    reused = await postgresCacheReady(databaseUrl, schema);
    if (!reused) await runOnce(databaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } else if (cache && fs.existsSync(cache.file)) {
    fs.copyFileSync(cache.file, path.join(dataDir, 'atrium.db'));
    reused = true;
  }
  if (databaseUrl && schema && !reused) await runOnce(databaseUrl, `CREATE SCHEMA ${schema}`);
  const logLevel = env.LOG_LEVEL ?? 'silent';
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: logLevel,
    ADMIN_PASSWORD: password,
    RATE_LIMIT_PER_MINUTE: unlimited,
    SIGN_IN_RATE_LIMIT_PER_MINUTE: unlimited,
    ...(env.BENCH_BUDGETS === 'default'
      ? {}
      : { API_KEY_RATE_LIMIT_PER_MINUTE: unlimited, COSTLY_REQUESTS_PER_MINUTE: unlimited }),
  });
  const database = openDatabase(config, schema ? { schema } : {});
  await migrateToLatest(database.db, schema ? { schema } : {});
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
    logger: logLevel !== 'silent',
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

  const writers: Fixtures['writers'] = [];
  for (let index = 1; index <= Number(env.BENCH_WRITERS ?? '0'); index++) {
    const userId = await benchWriter(app, database.db, { cookie, csrfToken, password }, index);
    // A new key replaces the one a run before on a reused database generated.
    const key = await app.inject({
      method: 'POST',
      url: `/api/users/${userId}/api-key`,
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    if (key.statusCode !== 201) throw new Error(`bench writer key failed: ${key.statusCode} ${key.body}`);
    writers.push({ userId, apiKey: key.json().data.attributes.key });
  }

  const fixtures: Fixtures = {
    userId: session.relationships.user.data.id,
    organizationId: session.relationships.organization.data.id,
    username: config.admin.username,
    password,
    cookie,
    csrfToken,
    apiKey: generated.json().data.attributes.key,
    writers,
  };
  if (reused) {
    console.error(
      `bench: reusing ${users} users, ${auditEvents} audit events and ${activities} activities (${databaseUrl ? `schema ${schema}` : cache?.file})`,
    );
  } else {
    if (users > 0) {
      await seedBenchMembers(
        { config, database, clock, hasher },
        fixtures.organizationId,
        users,
        auditEvents,
      );
    }
    if (activities > 0) await seedBenchActivities(database.db, fixtures, config.admin.email, activities);
  }
  if (cache && !reused) {
    if (databaseUrl) {
      await runOnce(databaseUrl, `COMMENT ON SCHEMA ${schema} IS '${CACHE_READY}'`);
    } else {
      // A consistent copy of the live database (WAL included), renamed into place when complete.
      fs.mkdirSync(path.dirname(cache.file), { recursive: true });
      const partial = `${cache.file}.${process.pid}.partial`;
      fs.rmSync(partial, { force: true });
      await sql`VACUUM INTO ${partial}`.execute(database.db);
      fs.renameSync(partial, cache.file);
    }
  }
  return {
    app,
    fixtures,
    async close() {
      await app.close();
      await mail.stop();
      await database.close();
      // A cached schema stays for the next run (its writes, e.g. avatars, stay with it).
      if (databaseUrl && schema && !cache)
        await runOnce(databaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const CACHE_READY = 'atrium bench: seeded';
/** Bumped when the seeder writes different rows, so an older cache is not reused. */
const SEED_VERSION = 3;

/**
 * Where a database seeded with these counts of members, audit events and activities is kept
 * between runs: a SQLite file under BENCH_CACHE_DIR (default `<tmp>/atrium-bench-cache`), or a
 * PostgreSQL schema. The name holds the counts and the seeder's version; a migration added since
 * is applied to the reused copy by `migrateToLatest`, as on any installation.
 */
function seededCache(
  env: NodeJS.ProcessEnv,
  counts: { users: number; auditEvents: number; activities: number },
): { file: string; schema: string } {
  const key = `u${counts.users}_e${counts.auditEvents}_a${counts.activities}_v${SEED_VERSION}`;
  const directory = env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'atrium-bench-cache');
  return { file: path.join(directory, `seeded_${key}.db`), schema: `bench_cache_${key}` };
}

/** True when the schema exists and its seeding finished (the comment is written last). */
async function postgresCacheReady(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT obj_description(oid, 'pg_namespace') AS note FROM pg_namespace WHERE nspname = $1`,
      [schema],
    );
    return result.rows[0]?.note === CACHE_READY;
  } finally {
    await client.end();
  }
}

async function runOnce(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * BENCH_ACTIVITIES activities (three calls in four, one email in four, with their outbox rows),
 * all in the first administrator's Activity (the timeline scenarios), written as `npx atrium
 * demo:seed --activities` writes them, with plain text instead of faker.
 */
async function seedBenchActivities(
  db: Database['db'],
  fixtures: Fixtures,
  address: string,
  count: number,
): Promise<void> {
  const started = Date.now();
  await seedActivities(db, {
    organizationId: fixtures.organizationId,
    authors: [{ id: fixtures.userId, address, name: 'Bench Admin' }],
    targetIds: [fixtures.userId],
    count,
    now: Date.now(),
    publicUrl: 'http://127.0.0.1',
    makeCall: (index) => ({
      subject: `Bench call ${index}`,
      phoneNumber: '+14155552671',
      notes: null,
      callStatus: 'completed',
      direction: index % 2 ? 'incoming' : 'outgoing',
      duration: index % 3600,
    }),
    makeEmail: (index) => ({
      subject: `Bench email ${index}`,
      html: `<p>Bench email number ${index}.</p>`,
      text: `Bench email number ${index}.`,
      to: { name: 'Bench Contact', address: 'contact@bench.example' },
    }),
    progress: (done, total) => {
      if (done % 100_000 === 0 || done === total) console.error(`bench: seeded ${done}/${total} activities`);
    },
  });
  console.error(`bench: seeded ${count} activities in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The id of the `index`th writer (`Fixtures.writers`, user `mixed_writer_<index>`), created by the
 * administrator through the API (no password change due), or found when a reused database (a
 * cached seed at scale) has them already.
 */
async function benchWriter(
  app: FastifyInstance,
  db: Database['db'],
  administrator: { cookie: string; csrfToken: string; password: string },
  index: number,
): Promise<string> {
  const username = `mixed_writer_${index}`;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('usernameNormalized', '=', normalizeUsername(username))
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: {
      cookie: administrator.cookie,
      'x-csrf-token': administrator.csrfToken,
      'content-type': 'application/vnd.api+json',
    },
    payload: {
      data: {
        type: 'users',
        attributes: {
          username,
          email: `${username}@example.test`,
          firstName: 'Writer',
          lastName: `${index}`,
          password: administrator.password,
          mustChangePassword: false,
        },
      },
    },
  });
  if (created.statusCode !== 201)
    throw new Error(`bench writer failed: ${created.statusCode} ${created.body}`);
  return created.json().data.id;
}

/**
 * BENCH_USERS fake members (and BENCH_AUDIT_EVENTS audit events about them) in the first
 * administrator's organization, written by `npx atrium demo:seed` itself: the lists at scale
 * (issue 18's 100,000 users and 1,000,000 events).
 */
async function seedBenchMembers(
  context: CliContext,
  organizationId: string,
  users: number,
  auditEvents: number,
): Promise<void> {
  const organization = await context.database.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const io = {
    out: (line: string) => console.error(`bench: ${line}`),
    err: () => {},
    readStdin: async () => '',
  };
  const args = [
    '--users',
    String(users),
    '--audit-events',
    String(auditEvents),
    '--organization',
    organization.name,
  ];
  await demoSeed(context, io, args);
}
