import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { particularsOf } from '../../web/i18n/error-text';
import { i18n, switchLanguage } from '../../web/i18n/index';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import '../../web/i18n/lazy/errors';
import { buildAdmin, buildUser, TEST_PASSWORD } from '../helpers/factories';

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
    await switchLanguage('en');
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
    // One field, one fault: the rule's own, with its maximum in the characters it counts.
    const errors = response
      .json()
      .errors.filter(
        (item: { source?: { pointer?: string } }) => item.source?.pointer === '/data/attributes/firstName',
      );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'custom', meta: { reason: 'too_long', maximum: 100 } }),
    ]);
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

/**
 * Issue 16, every code: a representative of each kind of particulars (a list's parameter and its
 * allowed values, a reason, a limit of a rule, a schema rule's own reason, the route itself),
 * through real routes, worded by the SPA in German from meta alone.
 */
describe('the particulars of every kind of error, in meta', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await switchLanguage('de');
  });
  afterAll(async () => {
    await switchLanguage('en');
    await t?.close();
  });

  /** The SPA's German words for the first error of a response with this status. */
  const firstError = (response: { statusCode: number; json(): unknown }, status: number) => {
    expect(response.statusCode).toBe(status);
    return (response.json() as { errors: { code: string; meta?: Record<string, unknown> }[] }).errors[0] as {
      code: string;
      meta?: Record<string, unknown>;
    };
  };
  const germanWords = (error: { code: string; meta?: Record<string, unknown> }) => {
    const particulars = particularsOf(error.code, error.meta);
    expect(particulars, `${error.code} ${JSON.stringify(error.meta)}`).toBeDefined();
    return particulars ? i18n.t(particulars.key as 'errors:forbidden', particulars.options) : '';
  };

  it('a list: the unknown sort field with the fields it sorts by, the unknown parameter', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const sort = firstError(await browser.request({ method: 'GET', url: '/api/users?sort=shoeSize' }), 400);
    expect(sort).toMatchObject({ code: 'unknown_sort_field', meta: { field: 'shoeSize' } });
    expect(sort.meta?.allowed).toEqual(expect.arrayContaining(['username']));
    expect(germanWords(sort)).toMatch(
      /^Diese Liste kann nicht nach „shoeSize“ sortiert werden\. Sortieren Sie nach .*username/,
    );

    const parameter = firstError(await browser.request({ method: 'GET', url: '/api/users?colour=red' }), 400);
    expect(parameter).toMatchObject({
      code: 'unknown_parameter',
      meta: { reason: 'not_supported', parameter: 'colour' },
    });
    expect(germanWords(parameter)).toBe('Der Abfrageparameter colour wird hier nicht unterstützt.');
  });

  it('a filter value: the parameter and the most values it lists', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const roles = Array.from({ length: 21 }, (_, index) => `role${index}`).join(',');
    const error = firstError(
      await browser.request({ method: 'GET', url: `/api/users?filter[role]=${roles}` }),
      400,
    );
    expect(error).toMatchObject({
      code: 'invalid_filter_value',
      meta: { reason: 'role_list', parameter: 'filter[role]', maximum: 20 },
    });
    expect(germanWords(error)).toBe(
      'filter[role] darf höchstens 20 Rollen aufführen (IDs oder Namen, durch Kommas getrennt).',
    );
  });

  it('a recurrence rule: the reason and the bounds of COUNT', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Stand-up',
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T09:15:00Z',
            recurrence: 'FREQ=WEEKLY;COUNT=0',
          },
        },
      },
    });
    const error = firstError(response, 422);
    expect(error).toMatchObject({
      code: 'recurrence_invalid',
      meta: { reason: 'count_out_of_range', minimum: 1, maximum: expect.any(Number) },
    });
    expect(germanWords(error)).toBe(`COUNT muss eine ganze Zahl von 1 bis ${error.meta?.maximum} sein.`);
  });

  it('a profile: a schema rule’s reason, a phone number’s reason', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const patch = (attributes: Record<string, unknown>) =>
      browser.request({
        method: 'PATCH',
        url: '/api/users/me',
        payload: { data: { type: 'users', id: user.id, attributes } },
      });
    const space = firstError(await patch({ firstName: ' Ada' }), 422);
    expect(space).toMatchObject({ code: 'custom', meta: { reason: 'edge_space' } });
    expect(germanWords(space)).toBe('Dieser Wert darf nicht mit einem Leerzeichen beginnen oder enden.');

    const phone = firstError(await patch({ phone: 'call me' }), 422);
    expect(phone).toMatchObject({ code: 'phone_invalid', meta: { reason: 'characters' } });
    expect(germanWords(phone)).toMatch(/^Eine Telefonnummer darf nur Ziffern/);
  });

  it('the route itself: no such address, a method it does not allow', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const missing = firstError(await browser.request({ method: 'GET', url: '/api/no-such-thing?x=1' }), 404);
    expect(missing).toMatchObject({
      code: 'route_not_found',
      meta: { method: 'GET', path: '/api/no-such-thing' },
    });
    expect(germanWords(missing)).toBe('Auf dem Server gibt es keine Adresse GET /api/no-such-thing.');

    const method = firstError(await browser.request({ method: 'DELETE', url: '/api/password-policy' }), 405);
    expect(method).toMatchObject({ code: 'method_not_allowed', meta: { method: 'DELETE' } });
    expect(method.meta?.allowed).toEqual(expect.arrayContaining(['GET']));
    expect(germanWords(method)).toMatch(/^DELETE ist hier nicht erlaubt\. Verwenden Sie .*GET/);
  });
});
