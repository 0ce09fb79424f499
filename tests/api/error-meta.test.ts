import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import { buildUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * Issue 16: an error whose words depend on a limit carries that limit in `meta`, so the SPA says it
 * in German, French or Arabic instead of showing the English `detail`. Through real routes (the
 * test app checks each answer against the OpenAPI document, whose Error schema documents meta).
 */
describe('the particulars of an error, in meta', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a schema rule: the bound and what it measures', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', id: user.id, attributes: { firstName: 'x'.repeat(300) } } },
    });
    expect(response.statusCode).toBe(422);
    const error = response
      .json()
      .errors.find(
        (item: { source?: { pointer?: string } }) => item.source?.pointer === '/data/attributes/firstName',
      );
    expect(error).toMatchObject({ code: 'too_big', meta: { origin: 'string', inclusive: true } });
    expect(error.meta.maximum).toBeGreaterThan(0);
    expect(error.meta.maximum).toBeLessThan(300);
  });

  it('a list parameter: the page size bounds', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({ method: 'GET', url: '/api/users?page[size]=100000' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      code: 'invalid_page_size',
      source: { parameter: 'page[size]' },
      meta: { minimum: 1, maximum: expect.any(Number) },
    });
  });
});
