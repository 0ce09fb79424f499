import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import { buildAdmin, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { giveApiKey } from '../../../tests/helpers/scenarios';
import { cacheListening } from '../../../tests/helpers/second-instance';
import { seedActivities } from '../../cli/demo-activities';
import { postgresStatementCount } from '../../platform/db/kysely';
import { postgresCacheOf } from '../../platform/db/postgres-cache';

/**
 * What one page of the Activity costs in statements (each a round trip on PostgreSQL): the
 * timeline's speed target (issue 13) is met by cutting them. Counted on PostgreSQL (SQLite has no
 * round trips); the pages themselves are checked on both databases.
 */
describe('round trips of an Activity page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads a page of emails and calls in a fixed, small number of statements', async () => {
    const admin = await buildAdmin(t);
    await seedActivities(t.deps.db, {
      organizationId: admin.organizationId,
      authors: [{ id: admin.id, address: admin.email, name: null }],
      targetIds: [admin.id],
      count: 40,
      now: t.clock.now().getTime(),
      publicUrl: 'http://127.0.0.1',
      makeCall: (index) => ({
        subject: `Call ${index}`,
        phoneNumber: '+14155552671',
        notes: null,
        callStatus: 'completed',
        direction: 'outgoing',
        duration: index,
      }),
      makeEmail: (index) => ({
        subject: `Email ${index}`,
        html: `<p>Email ${index}</p>`,
        text: `Email ${index}`,
        to: { name: 'Contact', address: 'contact@example.test' },
      }),
    });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const request = withApiKey(t.app, await giveApiKey(t, admin));
    const url = `/api/users/${admin.id}/activities?page%5Bsize%5D=10`;
    // Credentials are kept only while the cache's listening connection is up: it opens on first
    // use, and in a busy test worker the warm-up below could finish before it listens.
    await cacheListening(t.deps.db);
    // Warm: the key's and session's last use is written at most once a minute, settings are cached.
    expect((await request({ method: 'GET', url })).statusCode).toBe(200);
    expect((await browser.request({ method: 'GET', url })).statusCode).toBe(200);

    const cache = postgresCacheOf(t.deps.db);
    /** The statements on the pool, and the round trips on the cache's listening connection. */
    const counted = async (send: () => Promise<{ statusCode: number; body: string }>) => {
      const before = postgresStatementCount(t.deps.db) ?? 0;
      const syncs = cache?.stats.syncs ?? 0;
      const response = await send();
      expect(response.statusCode, response.body).toBe(200);
      const items = JSON.parse(response.body).data as { type: string; attributes: { subject: string } }[];
      return {
        statements: (postgresStatementCount(t.deps.db) ?? 0) - before,
        syncs: (cache?.stats.syncs ?? 0) - syncs,
        items,
      };
    };
    const byKey = await counted(() => request({ method: 'GET', url }));
    const bySession = await counted(() => browser.request({ method: 'GET', url }));
    expect(byKey.items).toHaveLength(10);
    expect(new Set(byKey.items.map((item) => item.type))).toEqual(new Set(['emails', 'calls']));
    // Newest first: the seeder's last index is the newest.
    expect(byKey.items[0]?.attributes.subject).toMatch(/ 39$/);
    expect(bySession.items).toEqual(byKey.items);
    if (t.deps.dialect !== 'postgres') return;
    // The credential is kept (one round trip on the listening connection confirms it), the
    // membership check and the page are one statement, and the kinds' records are read side by
    // side: emails (and their attachments), calls (and their targets). It was 7 statements, 6 in
    // sequence; now 6 round trips, 4 in sequence (confirm, page, emails, attachments).
    expect(byKey).toMatchObject({ statements: 5, syncs: 1 });
    expect(bySession).toMatchObject({ statements: 5, syncs: 1 });
  });
});
