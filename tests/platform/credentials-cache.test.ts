import { once } from 'node:events';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, postgresStatementCount, sqliteReaderOf } from '../../server/platform/db/kysely';
import { signIn, type TestApp } from '../helpers/app';
import { testDatabaseKind } from '../helpers/database';
import { buildMember, buildUser, TEST_PASSWORD } from '../helpers/factories';
import { giveApiKey, signedInUser } from '../helpers/scenarios';
import {
  cacheOf,
  closeTwoInstances,
  openTwoInstances,
  settleAcrossInstances,
} from '../helpers/second-instance';

type Browser = Awaited<ReturnType<typeof signIn>>;
const onPostgres = testDatabaseKind() === 'postgres';

/**
 * Credentials (a session, an API key, with the user's status, membership and role permissions) are
 * kept in memory between requests (rememberCredential), and yet a revocation through one process
 * applies at once in every process. Two app instances with pools of their own on one database
 * stand for two processes: the first changes, the second is asked RIGHT AFTER — on PostgreSQL
 * without waiting for any notification (the second's kept credential is confirmed by a round trip
 * on its listening connection first), on SQLite after the reader's documented version age (1 ms).
 * Each check first proves the second instance holds the credential in memory, so the refusal comes
 * from the invalidation, not from a lookup that was going to happen anyway.
 */
describe('credentials cache across processes', () => {
  let t: TestApp;
  let second: Database;
  let secondApp: FastifyInstance;
  beforeAll(async () => {
    ({ t, second, secondApp } = await openTwoInstances({ listening: true }));
  });
  afterAll(() => closeTwoInstances({ t, second, secondApp }));

  const settle = settleAcrossInstances;

  const secondWithCookie =
    (browser: Browser) =>
    (options: InjectOptions = { method: 'GET', url: '/api/users/me/activities' }) =>
      secondApp.inject({ ...options, headers: { cookie: browser.cookie, ...options.headers } });
  const secondWithKey =
    (key: string) =>
    (options: InjectOptions = { method: 'GET', url: '/api/users/me/activities' }) =>
      secondApp.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } });

  /** Credentials the second instance answered from its memory so far. */
  const credentialHits = () =>
    onPostgres ? cacheOf(second.db).stats.credentialHits : (sqliteReaderOf(second.db)?.hits.credentials ?? 0);

  /** Answers `expected` twice on the second instance, the second time from its memory. */
  const expectKept = async (send: () => Promise<{ statusCode: number; body: string }>, expected = 200) => {
    // Changes made just before (building users notifies too) have reached the second instance:
    // its next lookup is kept, not emptied by a notification still on its way.
    if (onPostgres) await cacheOf(second.db).sync();
    const first = await send();
    expect(first.statusCode, first.body).toBe(expected);
    const hits = credentialHits();
    const again = await send();
    expect(again.statusCode, again.body).toBe(expected);
    expect(credentialHits()).toBe(hits + 1);
  };

  it('a profile write keeps every kept credential: the next request looks nothing up', async () => {
    const { user, browser } = await signedInUser(t, { roles: ['User'] });
    const byKey = secondWithKey(await giveApiKey(t, user));
    const byCookie = secondWithCookie(browser);
    await expectKept(byKey);
    await expectKept(byCookie);
    for (const firstName of ['Renamed', 'Again']) {
      const renamed = await byKey({
        method: 'PATCH',
        url: '/api/users/me',
        headers: { 'content-type': 'application/vnd.api+json' },
        payload: { data: { type: 'users', id: user.id, attributes: { firstName } } },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      await settle();
      const hits = credentialHits();
      expect((await byKey()).statusCode).toBe(200);
      expect((await byCookie()).statusCode).toBe(200);
      expect(credentialHits()).toBe(hits + 2);
    }
  });

  it('a revoked API key and an ended session are refused by the other instance at once', async () => {
    const { user, browser } = await signedInUser(t, { roles: ['User'] });
    const key = await giveApiKey(t, user);
    const byKey = secondWithKey(key);
    const byCookie = secondWithCookie(browser);
    await expectKept(byKey);
    await expectKept(byCookie);

    const revoked = await browser.request({ method: 'DELETE', url: `/api/users/${user.id}/api-key` });
    expect(revoked.statusCode, revoked.body).toBe(204);
    await settle();
    expect((await byKey()).statusCode).toBe(401);
    // The session is untouched by it, and still kept.
    await expectKept(byCookie);

    const signedOut = await browser.request({ method: 'DELETE', url: '/api/sessions/current' });
    expect(signedOut.statusCode, signedOut.body).toBe(204);
    await settle();
    expect((await byCookie()).statusCode).toBe(401);
  });

  it('a password change ends the other sessions in every instance at once', async () => {
    const user = await buildMember(t);
    const here = await signIn(t.app, user.username, TEST_PASSWORD);
    const elsewhere = await signIn(t.app, user.username, TEST_PASSWORD);
    const byCookie = secondWithCookie(elsewhere);
    await expectKept(byCookie);
    const changed = await here.request({
      method: 'POST',
      url: `/api/users/${user.id}/password-change`,
      payload: {
        data: {
          type: 'password-changes',
          attributes: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Quiet-Lantern-77' },
        },
      },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    await settle();
    expect((await byCookie()).statusCode).toBe(401);
  });

  it('disabling the user, removing the membership: refused at once, by key and by session', async () => {
    for (const change of ['disable', 'leave'] as const) {
      const { user, browser } = await signedInUser(t, { roles: ['User'] });
      const byKey = secondWithKey(await giveApiKey(t, user));
      const byCookie = secondWithCookie(browser);
      await expectKept(byKey);
      await expectKept(byCookie);
      // Straight in the database, as any code (or an administrator's SQL) could write it.
      if (change === 'disable') {
        await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
      } else {
        const membership = await t.deps.db
          .selectFrom('memberships')
          .select('id')
          .where('userId', '=', user.id)
          .executeTakeFirstOrThrow();
        await t.deps.db.deleteFrom('membershipRoles').where('membershipId', '=', membership.id).execute();
        await t.deps.db.deleteFrom('memberships').where('id', '=', membership.id).execute();
      }
      await settle();
      expect((await byKey()).statusCode, change).toBe(401);
      expect((await byCookie()).statusCode, change).toBe(401);
    }
  });

  it("a role's permissions and a user's roles: a change applies at once in the other instance", async () => {
    const colleague = await buildMember(t);
    const organization = colleague.organization;
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const otherManager = await buildUser(t, { organization, roles: ['Manager'] });
    const managerKey = secondWithKey(await giveApiKey(t, manager));
    const otherKey = secondWithKey(await giveApiKey(t, otherManager));
    const theirs = { method: 'GET' as const, url: `/api/users/${colleague.id}/activities` };
    await expectKept(() => managerKey(theirs));
    await expectKept(() => otherKey(theirs));

    // The Manager role loses activities.view: both managers are refused.
    const role = await t.deps.db
      .selectFrom('roles')
      .select(['id', 'permissions'])
      .where('organizationId', '=', colleague.organizationId)
      .where('name', '=', 'Manager')
      .executeTakeFirstOrThrow();
    const without = (JSON.parse(role.permissions) as string[]).filter((name) => name !== 'activities.view');
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(without) })
      .where('id', '=', role.id)
      .execute();
    await settle();
    expect((await managerKey(theirs)).statusCode).toBe(403);
    expect((await otherKey(theirs)).statusCode).toBe(403);

    // Given back; then one manager's roles change (User instead of Manager): only they are refused.
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: role.permissions })
      .where('id', '=', role.id)
      .execute();
    await settle();
    await expectKept(() => managerKey(theirs));
    await expectKept(() => otherKey(theirs));
    const userRole = await t.deps.db
      .selectFrom('roles')
      .select('id')
      .where('organizationId', '=', colleague.organizationId)
      .where('name', '=', 'User')
      .executeTakeFirstOrThrow();
    const membership = await t.deps.db
      .selectFrom('memberships')
      .select('id')
      .where('userId', '=', manager.id)
      .executeTakeFirstOrThrow();
    await t.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('membershipRoles').where('membershipId', '=', membership.id).execute();
      await trx
        .insertInto('membershipRoles')
        .values({ membershipId: membership.id, roleId: userRole.id })
        .execute();
    });
    await settle();
    expect((await managerKey(theirs)).statusCode).toBe(403);
    expect((await otherKey(theirs)).statusCode).toBe(200);
  });

  it("the signed-in user's profile is kept, and a change through the other instance shows at once", async () => {
    const { user, browser } = await signedInUser(t, { roles: ['User'] });
    const key = await giveApiKey(t, user);
    const byKey = secondWithKey(key);
    const profile = async () => {
      const answer = await byKey({ method: 'GET', url: '/api/userprofile' });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json().data as {
        attributes: { firstName: string };
        relationships: { roles: { data: { id: string }[] } };
        meta: { organization: { name: string } };
      };
    };
    /** The profile, read twice on the second instance: the second time from its memory (PostgreSQL). */
    const keptProfile = async () => {
      if (onPostgres) await cacheOf(second.db).sync();
      const first = await profile();
      const stats = onPostgres ? { ...cacheOf(second.db).stats } : undefined;
      const statements = postgresStatementCount(second.db);
      const again = await profile();
      expect(again).toEqual(first);
      if (stats) {
        const after = cacheOf(second.db).stats;
        expect(after.documentHits).toBe(stats.documentHits + 1);
        // No statement on the pool: the key's confirmation, then the user row's version, both on
        // the listening connection.
        expect(after.syncs).toBe(stats.syncs + 1);
        expect(postgresStatementCount(second.db)).toBe(statements);
      }
      return again;
    };

    expect((await keptProfile()).attributes.firstName).toBe('Test');
    const renamed = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', id: user.id, attributes: { firstName: 'Renamed' } } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await settle();
    expect((await profile()).attributes.firstName).toBe('Renamed');

    // Straight in the database, as any code could write it: the user's row, the organization's
    // name, the roles.
    await keptProfile();
    await t.deps.db.updateTable('users').set({ firstName: 'Direct' }).where('id', '=', user.id).execute();
    await settle();
    expect((await profile()).attributes.firstName).toBe('Direct');

    await keptProfile();
    await t.deps.db
      .updateTable('organizations')
      .set({ name: 'Renamed Organization' })
      .where('id', '=', user.organizationId)
      .execute();
    await settle();
    expect((await profile()).meta.organization.name).toBe('Renamed Organization');

    await keptProfile();
    const membership = await t.deps.db
      .selectFrom('memberships')
      .select('id')
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('membershipRoles').where('membershipId', '=', membership.id).execute();
    await settle();
    expect((await profile()).relationships.roles.data).toEqual([]);

    // A rolled-back change keeps what is kept.
    const kept = await keptProfile();
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ firstName: 'Never' }).where('id', '=', user.id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect(await profile()).toEqual(kept);
  });

  it("concurrent profile reads share one read of their rows' versions; a change recomputes only its user's", async () => {
    const people = await Promise.all([1, 2, 3].map(() => signedInUser(t, { roles: ['User'] })));
    const keys = await Promise.all(people.map(({ user }) => giveApiKey(t, user)));
    const read = (key: string) => secondWithKey(key)({ method: 'GET', url: '/api/userprofile' });
    const readAll = async () => {
      const answers = await Promise.all(keys.map(read));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      return answers.map((answer) => answer.json().data.attributes.firstName as string);
    };
    await readAll();
    await settle();
    expect(await readAll()).toEqual(['Test', 'Test', 'Test']);
    if (!onPostgres) return;
    const cache = cacheOf(second.db);
    await cache.sync();
    const before = { ...cache.stats };
    expect(await readAll()).toEqual(['Test', 'Test', 'Test']);
    expect(cache.stats.documentHits).toBe(before.documentHits + 3);
    // The three requests asked for their versions together: fewer round trips than requests.
    expect(cache.stats.rowVersionReads - before.rowVersionReads).toBeLessThan(3);

    const [changed] = people;
    await t.deps.db
      .updateTable('users')
      .set({ firstName: 'Changed' })
      .where('id', '=', changed?.user.id as string)
      .execute();
    const misses = cache.stats.documentMisses;
    const hits = cache.stats.documentHits;
    expect(await readAll()).toEqual(['Changed', 'Test', 'Test']);
    expect(cache.stats.documentMisses).toBe(misses + 1);
    expect(cache.stats.documentHits).toBe(hits + 2);
  });

  it('a rolled-back change refuses nothing; a session or key kept is used only while listening', async () => {
    const { user, browser } = await signedInUser(t, { roles: ['User'] });
    const byKey = secondWithKey(await giveApiKey(t, user));
    await expectKept(byKey);
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect((await byKey()).statusCode).toBe(200);
    expect((await secondWithCookie(browser)()).statusCode).toBe(200);
    if (!onPostgres) return;

    // The listening connection lost: nothing kept is used (every request looks up) until it is back.
    const cache = cacheOf(second.db);
    const lost = once(cache.events, 'lost');
    const back = once(cache.events, 'listening');
    await sql`select pg_terminate_backend(${cache.listenerProcessId()})`.execute(second.db);
    await lost;
    const { credentialHits } = cache.stats;
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await byKey()).statusCode).toBe(401);
    expect(cache.stats.credentialHits).toBe(credentialHits);
    await back;
    // Enabled again; once the notification of it is in, the key is kept again.
    const notified = once(cache.events, 'credentials');
    await t.deps.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
    await notified;
    await expectKept(byKey);
  });
});
