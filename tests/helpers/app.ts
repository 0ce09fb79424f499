import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import { manualClock } from '../../server/platform/clock';
import { type Config, loadConfig } from '../../server/platform/config';
import type { Deps } from '../../server/platform/deps';
import { createPasswordHasher } from '../../server/platform/hashing';
import { createTestDatabase, type TestDatabase } from './database';
import { checkAnswersAgainstDocument } from './openapi-contract';

export type TestClock = ReturnType<typeof manualClock>;

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  clock: TestClock;
  config: Config;
  /** How many times the code asked the mail worker to wake (mail is read from the outbox table). */
  mailWakes: () => number;
  close(): Promise<void>;
};

export type TestAppOptions = {
  env?: Record<string, string>;
  /** Replace the mail signal (the mail tests start a real worker). */
  mail?: Deps['mail'];
};

/**
 * The real app, on a fresh database of its own (SQLite file, or a PostgreSQL schema when
 * DATABASE_URL is set), with a manual clock, no web assets and no log output. No mocks. Its
 * `inject` checks every answer against the app's OpenAPI document (./openapi-contract.ts).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = {
    ...loadConfig({
      DATA_DIR: database.dataDir,
      PUBLIC_URL: 'http://atrium.test',
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD: 'unused-in-tests-1234',
      // Tests page and filter far more than a person does, on a clock that stands still; the
      // budget itself is tested with a small value (platform/http/request-budget.test.ts).
      COSTLY_REQUESTS_PER_MINUTE: '1000000',
      ...options.env,
    }),
    database: database.config.database,
  };
  const clock = manualClock();
  let wakes = 0;
  const deps: Omit<Deps, 'log'> = {
    config,
    db: database.db,
    dialect: database.dialect,
    clock,
    hasher: createPasswordHasher({ concurrency: 2 }),
    mail: options.mail ?? {
      wake() {
        wakes++;
      },
    },
  };
  const app = await buildApp({ ...deps, webDist: false, logger: false });
  await app.ready();
  // Every answer a test gets is checked against the OpenAPI document (status, type, body).
  checkAnswersAgainstDocument(app);
  return {
    app,
    deps: { ...deps, log: app.log },
    database,
    clock,
    config,
    mailWakes: () => wakes,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

export const JSONAPI = 'application/vnd.api+json';

/** A signed-in browser: its cookie and CSRF token, sent with every request it makes. */
export type Browser = {
  cookie: string;
  csrfToken: string;
  sessionId: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
};

export async function signIn(app: FastifyInstance, login: string, password: string): Promise<Browser> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    headers: { 'content-type': JSONAPI },
    payload: { data: { type: 'sessions', attributes: { login, password } } },
  });
  if (response.statusCode !== 201) {
    throw new Error(`sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name.endsWith('atrium_session'));
  if (!cookie) throw new Error('no session cookie');
  const body = response.json();
  const browser: Browser = {
    cookie: `${cookie.name}=${cookie.value}`,
    csrfToken: body.data.attributes.csrfToken,
    sessionId: body.data.id,
    request: (options) => {
      const headers: Record<string, string> = {
        cookie: browser.cookie,
        ...(options.headers as Record<string, string>),
      };
      const method = (options.method ?? 'GET').toUpperCase();
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] ??= browser.csrfToken;
      if (
        options.payload !== undefined &&
        typeof options.payload === 'object' &&
        !Buffer.isBuffer(options.payload)
      ) {
        headers['content-type'] ??= JSONAPI;
      }
      return app.inject({ ...options, headers });
    },
  };
  return browser;
}

/** A request with an API key. */
export function withApiKey(app: FastifyInstance, key: string) {
  return (options: InjectOptions) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${key}`,
      ...(options.headers as Record<string, string>),
    };
    if (options.payload !== undefined && typeof options.payload === 'object')
      headers['content-type'] ??= JSONAPI;
    return app.inject({ ...options, headers });
  };
}
