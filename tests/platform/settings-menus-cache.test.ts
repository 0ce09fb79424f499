import { once } from 'node:events';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/platform/db/kysely';
import { MAX_VERSION_AGE_MS } from '../../server/platform/db/sqlite-reader';
import { resolveSettings, writeSetting } from '../../server/platform/settings';
import type { signIn, TestApp } from '../helpers/app';
import { testDatabaseKind } from '../helpers/database';
import { signedInUser } from '../helpers/scenarios';
import { cacheListening, cacheOf, closeTwoInstances, openTwoInstances } from '../helpers/second-instance';

type Browser = Awaited<ReturnType<typeof signIn>>;
const onPostgres = testDatabaseKind() === 'postgres';

/**
 * Settings and menus are one cached lookup per request on both databases (DESIGN.md §5). Two app
 * instances with pools of their own on one database stand for two processes behind a load
 * balancer: a change made through one is seen by the other on its next request after the change
 * reaches it — on PostgreSQL the NOTIFY sent in the writing transaction (postgres-cache.ts), on
 * SQLite the moved `data_version` (sqlite-reader.ts, at most MAX_VERSION_AGE_MS later).
 */
describe('settings and menus cache across processes', () => {
  let t: TestApp;
  let second: Database;
  let secondApp: FastifyInstance;
  beforeAll(async () => {
    ({ t, second, secondApp } = await openTwoInstances());
  });
  afterAll(() => closeTwoInstances({ t, second, secondApp }));

  /** The same signed-in browser, sending its requests to the second instance. */
  const onSecond = (browser: Browser) => (options: InjectOptions) =>
    secondApp.inject({
      ...options,
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken, ...options.headers },
    });
  /**
   * What the second instance waits for before its next request: on PostgreSQL the notification of
   * the change (registered before the change is made), on SQLite the documented version age.
   */
  const changeReachesSecond = (): (() => Promise<unknown>) => {
    if (onPostgres) {
      const notified = once(cacheOf(second.db).events, 'notification');
      return () => notified;
    }
    return () => new Promise((resolve) => setTimeout(resolve, MAX_VERSION_AGE_MS + 1));
  };
  const usermenu = async (
    request: (options: InjectOptions) => Promise<{ statusCode: number; body: string }>,
  ) => {
    const response = await request({ method: 'GET', url: '/api/menus/usermenu' });
    expect(response.statusCode, response.body).toBe(200);
    // The three items these tests move and hide (features add further entries to the menu).
    return (JSON.parse(response.body).data.attributes.items as { key: string; hidden: boolean }[])
      .filter((item) => ['my_user', 'my_configuration', 'my_menus'].includes(item.key))
      .map((item) => `${item.key}${item.hidden ? ' (hidden)' : ''}`);
  };

  it('a menu change through one instance is seen by the other on its next request after the notification', async () => {
    const { browser } = await signedInUser(t, { roles: ['User'] });
    await cacheListening(t.deps.db);
    await cacheListening(second.db);
    const fromSecond = onSecond(browser);
    expect(await usermenu(fromSecond)).toEqual(['my_user', 'my_configuration', 'my_menus']);
    if (onPostgres) {
      // The second read is answered from memory: one cached lookup, no query.
      const { hits } = cacheOf(second.db).stats;
      expect(await usermenu(fromSecond)).toEqual(['my_user', 'my_configuration', 'my_menus']);
      expect(cacheOf(second.db).stats.hits).toBeGreaterThan(hits);
    }

    const reached = changeReachesSecond();
    const hidden = await browser.request({
      method: 'PATCH',
      url: '/api/menus/usermenu/items/my_user',
      payload: { data: { type: 'menu-items', id: 'my_user', attributes: { hidden: true } } },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    // The writing instance reads its own write at once, notification or not.
    expect(await usermenu(browser.request)).toEqual(['my_user (hidden)', 'my_configuration', 'my_menus']);
    await reached();
    expect(await usermenu(fromSecond)).toEqual(['my_user (hidden)', 'my_configuration', 'my_menus']);
    if (!onPostgres) return;

    // PostgreSQL: a lost listening connection empties the cache, reads go to the database until
    // it listens again (a notification missed meanwhile cannot leave a stale value).
    const cache = cacheOf(second.db);
    expect(await usermenu(fromSecond)).toEqual(['my_user (hidden)', 'my_configuration', 'my_menus']);
    expect(await usermenu(fromSecond)).toEqual(['my_user (hidden)', 'my_configuration', 'my_menus']);

    const lost = once(cache.events, 'lost');
    const back = once(cache.events, 'listening');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [cache.listenerProcessId()]);
    } finally {
      await admin.end();
    }
    await lost;
    // Changed while the second instance hears nothing: its next read still goes to the database.
    const moved = await browser.request({
      method: 'PATCH',
      url: '/api/menus/usermenu/items/my_menus',
      payload: { data: { type: 'menu-items', id: 'my_menus', attributes: { position: 0 } } },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await usermenu(fromSecond)).toEqual(['my_menus', 'my_user (hidden)', 'my_configuration']);
    await back;
    expect(cache.isListening()).toBe(true);
    expect(await usermenu(fromSecond)).toEqual(['my_menus', 'my_user (hidden)', 'my_configuration']);
  });

  it('a settings change is seen by the other instance after the notification; a rolled-back one never', async () => {
    const { user } = await signedInUser(t, { roles: ['User'] });
    const target = { organizationId: user.organizationId, userId: user.id };
    await cacheListening(second.db);
    expect((await resolveSettings(second.db, target))['localization.locale']).toBe('en-US');
    expect((await resolveSettings(second.db, target))['localization.locale']).toBe('en-US');

    // A transaction that rolls back notifies nobody and changes nothing.
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await writeSetting(trx, t.clock, 'user', target, 'localization.locale', 'fr-FR');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await resolveSettings(t.deps.db, target))['localization.locale']).toBe('en-US');
    expect((await resolveSettings(second.db, target))['localization.locale']).toBe('en-US');

    const reached = changeReachesSecond();
    await t.deps.db.transaction().execute(async (trx) => {
      await writeSetting(trx, t.clock, 'user', target, 'localization.locale', 'de-DE');
    });
    await reached();
    expect((await resolveSettings(second.db, target))['localization.locale']).toBe('de-DE');
  });
});
