import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp, withApiKey } from '../helpers/app';
import { buildAdmin, buildOrganization, TEST_PASSWORD } from '../helpers/factories';
import { giveApiKey } from '../helpers/scenarios';

/**
 * The costly-request budget (README "Lists at scale"): contains filters, counts of filtered lists
 * and numbered pages past the first are counted per caller; first and cursor pages are not.
 */
describe('costly list requests have a budget per caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { COSTLY_REQUESTS_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After past the budget, for that caller only, and starts over after a minute', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const other = await buildAdmin(t, organization);
    const asKey = withApiKey(t.app, await giveApiKey(t, admin));
    const get = (url: string, headers: Record<string, string> = {}) =>
      asKey({ method: 'GET', url, headers: { accept: 'application/vnd.api+json', ...headers } });

    // Not costly: first pages, cursor pages and the unfiltered count, as often as the request budget allows.
    for (let i = 0; i < 5; i++) {
      const first = await get('/api/users?page%5Bsize%5D=1', { 'x-include': 'totalCount' });
      expect(first.statusCode).toBe(200);
      const next = first.json().links.next as string;
      expect((await get(next)).statusCode).toBe(200);
      expect((await get('/api/users?page%5Bnumber%5D=1')).statusCode).toBe(200);
    }

    // Costly: a contains filter, a filtered count, a numbered page past the first.
    expect((await get('/api/users?filter%5Bname%5D%5Bcontains%5D=tes')).statusCode).toBe(200);
    expect(
      (await get('/api/users?filter%5Bstatus%5D=active', { 'x-include': 'totalCount' })).statusCode,
    ).toBe(200);
    expect((await get('/api/users?page%5Bnumber%5D=2')).statusCode).toBe(200);
    const refused = await get('/api/users?filter%5Bemail%5D%5Bcontains%5D=example');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json().errors[0]).toMatchObject({ status: '429', code: 'rate_limited' });
    // Cheap requests of the same caller still pass.
    expect((await get('/api/users?page%5Bsize%5D=1')).statusCode).toBe(200);

    // Another caller (a signed-in user) has a budget of its own.
    const browser = await signIn(t.app, other.username, TEST_PASSWORD);
    const theirs = await browser.request({
      method: 'GET',
      url: '/api/users?filter%5Bname%5D%5Bcontains%5D=tes',
    });
    expect(theirs.statusCode).toBe(200);

    t.clock.advance(60_000);
    expect((await get('/api/users?filter%5Bemail%5D%5Bcontains%5D=example')).statusCode).toBe(200);
  });

  it('refuses before any work: unauthenticated costly requests are 401, not counted', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users?filter%5Bname%5D%5Bcontains%5D=tes',
      headers: { accept: 'application/vnd.api+json' },
    });
    expect(response.statusCode).toBe(401);
  });
});
