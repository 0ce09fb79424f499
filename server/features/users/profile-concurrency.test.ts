import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, type TestApp } from '../../../tests/helpers/app';
import { testDatabaseKind } from '../../../tests/helpers/database';
import { type BuiltOrganization, buildOrganization, buildUser } from '../../../tests/helpers/factories';
import { giveApiKey } from '../../../tests/helpers/scenarios';
import { closeTwoInstances, openTwoInstances } from '../../../tests/helpers/second-instance';
import type { Database } from '../../platform/db/kysely';

/**
 * Concurrent `PATCH /api/users/{id}` on the real pool of each database (PostgreSQL when
 * DATABASE_URL is set): without If-Match every acknowledged change is kept and none answers a
 * false 412; with If-Match exactly one of the writers holding the same version wins.
 */
describe('concurrent profile updates', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Trials per case: enough to interleave the pool's connections, bounded for a shared machine. */
  const TRIALS = 12;
  const WRITERS = 8;

  async function keyHolder(roles: ('Administrator' | 'User')[] = ['User']) {
    const user = await buildUser(t, { organization, roles });
    return { user, key: await giveApiKey(t, user) };
  }

  function patch(key: string, id: string, attributes: Record<string, unknown>, ifMatch?: string) {
    return patchThrough(t.app, key, id, attributes, ifMatch);
  }

  const row = (id: string) => userRow(t, id);

  it('keeps every change of different fields sent at once without If-Match (no false 412)', async () => {
    const { user, key } = await keyHolder();
    for (let trial = 0; trial < TRIALS; trial++) {
      const changes: Record<string, string>[] = [
        { middleName: `Middle ${trial}` },
        { nameSuffix: `Jr ${trial}` },
        { namePrefix: `Dr ${trial}` },
        { firstName: `First ${trial}` },
        { lastName: `Last ${trial}` },
        { birthday: `19${String(50 + trial).padStart(2, '0')}-01-0${(trial % 9) + 1}` },
        { phone: `+1 650 253 ${String(1000 + trial)}` },
        { username: `racer-${user.id.slice(-8)}-${trial}` },
      ];
      const before = Number((await row(user.id)).version);
      const answers = await Promise.all(changes.map((attributes) => patch(key, 'me', attributes)));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      const after = await row(user.id);
      expect(after).toMatchObject({
        middleName: `Middle ${trial}`,
        nameSuffix: `Jr ${trial}`,
        namePrefix: `Dr ${trial}`,
        firstName: `First ${trial}`,
        lastName: `Last ${trial}`,
        birthday: changes[5]?.birthday,
        phone: `+1650253${1000 + trial}`,
        username: changes[7]?.username,
      });
      // One version per acknowledged change, each answered once.
      expect(Number(after.version)).toBe(before + WRITERS);
      const etags = answers.map((answer) => answer.headers.etag);
      expect(new Set(etags).size).toBe(WRITERS);
      expect(etags).toContain(`"v${before + WRITERS}"`);
    }
  });

  it('applies concurrent changes of one field one after the other: the last acknowledged value stays', async () => {
    const { user, key } = await keyHolder();
    for (let trial = 0; trial < TRIALS; trial++) {
      const names = Array.from({ length: WRITERS }, (_, index) => `Name ${trial}-${index}`);
      const answers = await Promise.all(names.map((firstName) => patch(key, 'me', { firstName })));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      // Each answer shows the state it saved: the one with the highest version is the row now.
      const saved = answers.map((answer) => answer.json().data);
      const last = saved.reduce((a, b) => (versionOf(a) > versionOf(b) ? a : b));
      expect((await row(user.id)).firstName).toBe(last.attributes.firstName);
      expect(new Set(saved.map(versionOf)).size).toBe(WRITERS);
    }
  });

  it('answers 200 to exactly one of N writers sending the same If-Match, 412 to the others', async () => {
    const { user, key } = await keyHolder();
    for (let trial = 0; trial < TRIALS; trial++) {
      const etag = `"v${(await row(user.id)).version}"`;
      const answers = await Promise.all(
        Array.from({ length: WRITERS }, (_, index) =>
          patch(
            key,
            'me',
            index % 2 ? { middleName: `M${trial}-${index}` } : { nameSuffix: `S${trial}-${index}` },
            etag,
          ),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([200, ...Array(WRITERS - 1).fill(412)]);
      for (const answer of answers.filter((a) => a.statusCode === 412)) {
        expect(answer.json().errors[0]).toMatchObject({
          code: 'stale_record',
          source: { header: 'If-Match' },
        });
      }
      expect(`"v${Number((await row(user.id)).version) - 1}"`).toBe(etag);
    }
  });

  it('keeps an administrator’s and the user’s own concurrent changes of one profile', async () => {
    const { user, key } = await keyHolder();
    const admin = await keyHolder(['Administrator']);
    for (let trial = 0; trial < TRIALS / 2; trial++) {
      const answers = await Promise.all([
        patch(key, 'me', { middleName: `Own ${trial}` }),
        patch(admin.key, user.id, { lastName: `Admin ${trial}` }),
        patch(key, 'me', { nameSuffix: `Suffix ${trial}` }),
        patch(admin.key, user.id, { namePrefix: `Pre ${trial}` }),
      ]);
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      expect(await row(user.id)).toMatchObject({
        middleName: `Own ${trial}`,
        lastName: `Admin ${trial}`,
        nameSuffix: `Suffix ${trial}`,
        namePrefix: `Pre ${trial}`,
      });
    }
  });
});

/**
 * The same through two app instances with pools of their own (two processes): a process queues
 * its own row-only writes of one user, so only here do changes of names race each other's
 * compare-and-set (profile-service.ts, `updateRowOnly`), and may fall back to the row's lock.
 * PostgreSQL only: two SQLite instances in one thread cannot write at once (better-sqlite3 waits
 * for the other's write lock synchronously, stopping the thread that would release it).
 */
const describeOnPostgres = testDatabaseKind() === 'postgres' ? describe : () => undefined;
describeOnPostgres('concurrent profile updates through two processes', () => {
  let t: TestApp;
  let second: Database;
  let secondApp: FastifyInstance;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    ({ t, second, secondApp } = await openTwoInstances({ listening: true }));
    organization = await buildOrganization(t);
  });
  afterAll(() => closeTwoInstances({ t, second, secondApp }));

  const TRIALS = 8;

  /** Writer `index` sends through the first instance when even, the second when odd. */
  function patch(index: number, key: string, attributes: Record<string, unknown>, ifMatch?: string) {
    return patchThrough(index % 2 ? secondApp : t.app, key, 'me', attributes, ifMatch);
  }

  const row = (id: string) => userRow(t, id);

  /** The `profile.updated` audit rows of a user. */
  async function profileUpdates(userId: string): Promise<number> {
    const { count } = await t.deps.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('subjectUserId', '=', userId)
      .where('action', '=', 'profile.updated')
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  it('keeps every change of different fields (no false 412) and of one field (the last stays)', async () => {
    const user = await buildUser(t, { organization });
    const key = await giveApiKey(t, user);
    const first = Number((await row(user.id)).version) - (await profileUpdates(user.id));
    for (let trial = 0; trial < TRIALS; trial++) {
      const changes: Record<string, string>[] = [
        { middleName: `Middle ${trial}` },
        { nameSuffix: `Jr ${trial}` },
        { namePrefix: `Dr ${trial}` },
        { lastName: `Last ${trial}` },
        ...Array.from({ length: 8 }, (_, index) => ({ firstName: `First ${trial}-${index}` })),
      ];
      const before = Number((await row(user.id)).version);
      const answers = await Promise.all(changes.map((attributes, index) => patch(index, key, attributes)));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
      const saved = answers.map((answer) => answer.json().data);
      const last = saved.reduce((a, b) => (versionOf(a) > versionOf(b) ? a : b));
      expect(await row(user.id)).toMatchObject({
        middleName: `Middle ${trial}`,
        nameSuffix: `Jr ${trial}`,
        namePrefix: `Dr ${trial}`,
        lastName: `Last ${trial}`,
        firstName: last.attributes.firstName,
        version: expect.anything(),
      });
      // One version per acknowledged change, each answered once; the highest is the row's.
      expect(Number((await row(user.id)).version)).toBe(before + changes.length);
      expect(new Set(saved.map(versionOf)).size).toBe(changes.length);
      expect(versionOf(last)).toBe(before + changes.length);
      // One audit row per acknowledged change: none for a lost compare-and-set.
      expect(await profileUpdates(user.id)).toBe(before + changes.length - first);
    }
  });

  it('answers 200 to exactly one of the writers sending the same If-Match, 412 to the others', async () => {
    const user = await buildUser(t, { organization });
    const key = await giveApiKey(t, user);
    for (let trial = 0; trial < TRIALS; trial++) {
      const etag = `"v${(await row(user.id)).version}"`;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          patch(index, key, { middleName: `M${trial}-${index}` }, etag),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([200, ...Array(7).fill(412)]);
      expect(`"v${Number((await row(user.id)).version) - 1}"`).toBe(etag);
      for (const answer of answers.filter((a) => a.statusCode === 412)) {
        expect(answer.json().errors[0]).toMatchObject({
          code: 'stale_record',
          source: { header: 'If-Match' },
        });
      }
    }
  });
});

/** A user's row as the database holds it now. */
function userRow(t: TestApp, id: string) {
  return t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** `PATCH /api/users/{id}` with an API key, through one app instance. */
function patchThrough(
  app: FastifyInstance,
  key: string,
  id: string,
  attributes: Record<string, unknown>,
  ifMatch?: string,
) {
  return app.inject({
    method: 'PATCH',
    url: `/api/users/${id}`,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': JSONAPI,
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    payload: { data: { type: 'users', attributes } },
  });
}

function versionOf(resource: { meta: { etag: string } }): number {
  return Number(resource.meta.etag.slice(2, -1));
}
