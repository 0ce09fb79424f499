import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { particularsOf } from '../../web/i18n/error-text';
import { i18n, switchLanguage } from '../../web/i18n/index';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import '../../web/i18n/lazy/errors';
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
    // The SPA's German words, for the errors below (its errors namespace loads in the language).
    await switchLanguage('de');
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

  /** The SPA's words for the error: every argument of its `errors:particulars` message is in meta. */
  const spaWords = (error: { code: string; meta?: Record<string, unknown> }) => {
    const particulars = particularsOf(error.code, error.meta);
    expect(particulars, `${error.code} ${JSON.stringify(error.meta)}`).toBeDefined();
    return particulars ? i18n.t(particulars.key as 'errors:forbidden', particulars.options) : '';
  };

  it('a calendar date out of range: the first and last year', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: { title: 'Old', start: '1800-03-02T09:00:00Z', end: '1800-03-02T10:00:00Z' },
        },
      },
    });
    expect(response.statusCode).toBe(422);
    const error = response.json().errors[0];
    expect(error).toMatchObject({ code: 'date_out_of_range', meta: { minimum: 1900, maximum: 2199 } });
    expect(spaWords(error)).toBe('Wählen Sie ein Jahr von 1900 bis 2199.');
  });

  it('a body nested too deeply: the deepest level allowed', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    let nested: unknown = 'x';
    for (let level = 0; level < 40; level += 1) nested = { nested };
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', id: user.id, attributes: { firstName: nested } } },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().errors[0];
    expect(error).toMatchObject({ code: 'nesting_too_deep', meta: { maxLevel: expect.any(Number) } });
    expect(spaWords(error)).toMatch(/^Die Anfrage ist tiefer als \d+ Ebenen verschachtelt\.$/);
  });
});
