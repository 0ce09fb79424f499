import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/platform/ids';
import { type Browser, createTestApp, signIn, type TestApp } from '../helpers/app';
import { buildInstanceAdmin, buildMember, TEST_PASSWORD } from '../helpers/factories';
import { expectErrorDocument } from '../helpers/jsonapi-answers';
import { signedInUser } from '../helpers/scenarios';

type ApiError = {
  status: string;
  code: string;
  detail: string;
  source?: Record<string, string>;
  meta?: Record<string, unknown>;
};
type Operation = {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, unknown> };
};

/**
 * Faults of a fresh user's trial, fixed as kinds: one error per field whatever the size of the
 * value, our own words in every detail, 400 with `source.parameter` for every bad query parameter,
 * and an OpenAPI description whose required parameters are the ones the server requires.
 */
describe('input faults, as kinds', () => {
  let t: TestApp;
  let admin: Browser;
  let document: { paths: Record<string, Record<string, Operation>> };
  const zodEnglish = /expected|Invalid input|Invalid option|Too big|Too small/i;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await buildInstanceAdmin(t);
    admin = await signIn(t.app, user.username, TEST_PASSWORD);
    document = (await t.app.inject({ url: '/api/doc/openapi.json' })).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  const errorsAt = (errors: ApiError[], pointer: string) =>
    errors.filter((error) => error.source?.pointer === pointer);

  it('answers an over-long text with the rule’s own too_long only, whatever its length', async () => {
    const cases: [string, string, Record<string, unknown>, string, number][] = [
      ['PATCH', '/api/users/me', { type: 'users', id: 'me' }, 'firstName', 100],
      ['POST', '/api/calls', { type: 'calls', attributes: { phoneNumber: '+4930123456' } }, 'subject', 255],
      [
        'POST',
        '/api/calls',
        { type: 'calls', attributes: { subject: 'Hi', phoneNumber: '+4930123456' } },
        'notes',
        10_000,
      ],
      ['POST', '/api/organizations', { type: 'organizations' }, 'name', 255],
      ['POST', '/api/tasks', { type: 'tasks' }, 'subject', 255],
    ];
    for (const [method, url, data, field, maximum] of cases) {
      for (const length of [maximum + 1, maximum * 2 + 17, 200_000]) {
        const attributes = { ...(data.attributes as object), [field]: 'x'.repeat(length) };
        const response = await admin.request({
          method: method as 'POST',
          url,
          payload: { data: { ...data, attributes } },
        });
        const errors = expectErrorDocument(response, 422, `${url} ${field} ${length}`) as ApiError[];
        expect(errorsAt(errors, `/data/attributes/${field}`), `${url} ${field} ${length}`).toEqual([
          expect.objectContaining({ code: 'custom', meta: { reason: 'too_long', maximum } }),
        ]);
      }
    }
  });

  it('answers an over-long id in a body of several resources with the one too_long shape', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/password-resets/bulk',
      payload: {
        data: [
          { type: 'users', id: newId() },
          { type: 'users', id: 'x'.repeat(65) },
        ],
      },
    });
    expect(errorsAt(expectErrorDocument(response, 422) as ApiError[], '/data/1/id')).toEqual([
      expect.objectContaining({ code: 'custom', meta: { reason: 'too_long', maximum: 64 } }),
    ]);
  });

  it('answers every over-long text of every body with the one too_long shape, and bounds every text', async () => {
    const components = (document as unknown as { components: { schemas: Record<string, JsonSchema> } })
      .components.schemas;
    const texts = bodyTexts(document.paths, components);
    expect(texts.length).toBeGreaterThan(80);
    // Ids sent in a body are texts too: `data.id` and every relationship's id.
    const ids = texts.filter((text) => text.pointer.endsWith('/id')).map((text) => text.label);
    expect(ids).toEqual(
      expect.arrayContaining([
        'PATCH /api/users/{id} /data/id',
        'PATCH /api/users/{id} /data/relationships/roles/data/0/id',
      ]),
    );
    expect(ids.length).toBeGreaterThan(10);
    const unbounded = texts.filter((text) => text.maxLength === undefined).map((text) => text.label);
    expect(unbounded, 'texts of a body without maxLength').toEqual([]);
    for (const text of texts) {
      const maximum = text.maxLength as number;
      // A setting's value is bounded by the body limit only: its refusal is the setting's own rule.
      if (text.pointer === '/data/attributes/value' || text.pointer === '/data/attributes/value/0') continue;
      for (const length of [maximum + 1, maximum * 2 + 17].filter((n) => n < 200_000)) {
        const response = await admin.request({
          method: text.method as 'POST',
          url: text.url,
          payload: { data: { type: text.type, ...text.body('x'.repeat(length)) } },
        });
        const label = `${text.label} ${length}`;
        expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, label).toBeLessThan(500);
        const expected = /password/i.test(text.pointer)
          ? { code: 'password_too_long', meta: { rule: 'too_long', max: maximum } }
          : { code: 'custom', meta: { reason: 'too_long', maximum } };
        // Soft: one run lists every field of the wrong shape.
        expect
          .soft(errorsAt(response.json().errors, text.pointer), label)
          .toEqual([expect.objectContaining(expected)]);
      }
    }
  });

  it('answers a refusal of a schema’s own rule with a stable code and its particulars', async () => {
    const cases: [string, string, Record<string, unknown>, string, Record<string, unknown>][] = [
      [
        'PATCH',
        '/api/users/me',
        { type: 'users', id: 'me', attributes: { birthday: '1990-02-30' } },
        'birthday',
        { code: 'invalid_date', meta: { reason: 'not_existing' } },
      ],
      [
        'PATCH',
        '/api/users/me',
        { type: 'users', id: 'me', attributes: { birthday: '30.02.1990' } },
        'birthday',
        { code: 'invalid_date', meta: { reason: 'format', expected: 'YYYY-MM-DD' } },
      ],
      [
        'POST',
        '/api/calendarevents',
        {
          type: 'calendarevents',
          attributes: {
            title: 'Sync',
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T10:00:00Z',
            timeZone: 'Mars/Olympus',
          },
        },
        'timeZone',
        { code: 'invalid_time_zone', meta: { reason: 'not_iana', example: 'Europe/Berlin' } },
      ],
      [
        'POST',
        '/api/calendarevents',
        {
          type: 'calendarevents',
          attributes: {
            title: 'Sync',
            start: '2026-02-30',
            end: '2026-03-02',
            allDay: true,
            timeZone: 'UTC',
          },
        },
        'start',
        { code: 'invalid_date', meta: { reason: 'not_existing' } },
      ],
      [
        'POST',
        '/api/menus/usermenu/items',
        { type: 'menu-items', attributes: { label: 'Bad', url: 'javascript:alert(1)' } },
        'url',
        { code: 'menu_url_not_allowed', meta: { allowed: ['/', 'https://'] } },
      ],
      [
        'POST',
        '/api/menus/usermenu/items',
        { type: 'menu-items', attributes: { label: '   ', url: '/users/me' } },
        'label',
        { code: 'custom', meta: { reason: 'required' } },
      ],
      [
        'POST',
        '/api/email-templates',
        {
          type: 'emailtemplates',
          attributes: { name: ' Padded', subject: 'Line\nbreak', body: { type: 'text', content: 'x' } },
        },
        'name',
        { code: 'custom', meta: { reason: 'edge_space' } },
      ],
      [
        'POST',
        '/api/email-templates',
        {
          type: 'emailtemplates',
          attributes: { name: 'Fine', subject: 'Line\nbreak', body: { type: 'text', content: 'x' } },
        },
        'subject',
        { code: 'custom', meta: { reason: 'control_characters' } },
      ],
    ];
    for (const [method, url, data, field, expected] of cases) {
      const response = await admin.request({ method: method as 'POST', url, payload: { data } });
      const errors = expectErrorDocument(response, 422, `${url} ${field}`) as ApiError[];
      expect(errorsAt(errors, `/data/attributes/${field}`), `${url} ${field}`).toEqual([
        expect.objectContaining(expected),
      ]);
    }
  });

  it('answers a malformed If-Match (not * or entity-tags, RFC 9110 §8.8.3) with 400 at the header, and saves nothing', async () => {
    const read = await admin.request({ method: 'GET', url: '/api/users/me' });
    const etag = read.headers.etag as string;
    const before = read.json().data.attributes.middleName;
    for (const ifMatch of ['garbage', 'v1', '"v1', 'W/v1', '"v1" "v2"', `${etag},`]) {
      const response = await admin.request({
        method: 'PATCH',
        url: '/api/users/me',
        headers: { 'if-match': ifMatch },
        payload: { data: { type: 'users', id: 'me', attributes: { middleName: 'Changed' } } },
      });
      expect(expectErrorDocument(response, 400, ifMatch)[0], ifMatch).toMatchObject({
        code: 'invalid_if_match',
        source: { header: 'If-Match' },
      });
    }
    const after = await admin.request({ method: 'GET', url: '/api/users/me' });
    expect(after.json().data.attributes.middleName).toBe(before);
    for (const [ifMatch, status] of [
      ['"v0"', 412],
      ['W/"v0", "v0"', 412],
      [`"v0", ${etag}`, 200],
      ['*', 200],
    ] as const) {
      const response = await admin.request({
        method: 'PATCH',
        url: '/api/users/me',
        headers: { 'if-match': ifMatch },
        payload: { data: { type: 'users', id: 'me', attributes: { middleName: null } } },
      });
      expect(response.statusCode, ifMatch).toBe(status);
    }
  });

  it('takes a date-time with any fraction of a second, everywhere, truncated to the millisecond', async () => {
    const task = await admin.request({
      method: 'POST',
      url: '/api/tasks',
      payload: {
        data: { type: 'tasks', attributes: { subject: 'Micro', dueDate: '2026-12-01T10:00:00.123456Z' } },
      },
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json().data.attributes.dueDate).toBe('2026-12-01T10:00:00.123Z');
    const call = await admin.request({
      method: 'POST',
      url: '/api/calls',
      payload: {
        data: {
          type: 'calls',
          attributes: {
            subject: 'Micro',
            phoneNumber: '+4930123456',
            callDateTime: '2026-01-10T09:15:00.987654321+01:00',
          },
        },
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().data.attributes.callDateTime).toBe('2026-01-10T08:15:00.987Z');
    const event = await admin.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Micro',
            start: '2026-12-01T10:00:00.123456Z',
            end: '2026-12-01T11:00:00.9999999Z',
            timeZone: 'UTC',
          },
        },
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    const email = await admin.request({
      method: 'POST',
      url: '/api/emails',
      payload: {
        data: {
          type: 'emails',
          attributes: {
            from: 'nobody@example.test',
            toRecipients: ['someone@example.test'],
            subject: 'Micro',
            body: { type: 'text', content: 'Hi' },
            sendAt: '2026-02-01T10:00:00.123456Z',
          },
        },
      },
    });
    // Whatever the sender's addresses allow, the date-time itself is never the fault.
    expect(email.statusCode, email.body).toBeLessThan(500);
    if (email.statusCode >= 400)
      expect(errorsAt(email.json().errors, '/data/attributes/sendAt'), email.body).toEqual([]);
    const listed = await admin.request({
      method: 'GET',
      url: '/api/tasks?filter[dueDate][gte]=2026-12-01T10:00:00.123456Z&filter[dueDate][lte]=2026-12-01T10:00:00.123999%2B00:00',
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().data.map((row: { id: string }) => row.id)).toEqual([task.json().data.id]);
    const occurrences = await admin.request({
      method: 'GET',
      url: '/api/calendar-occurrences?filter[owner]=me&filter[start][gte]=2026-12-01T00:00:00.000001Z&filter[start][lt]=2026-12-02T00:00:00.5Z',
    });
    expect(occurrences.statusCode, occurrences.body).toBe(200);
    expect(occurrences.json().data).toHaveLength(1);
  });

  it('answers an over-long password with the policy’s own password_too_long only, on every route that takes one', async () => {
    const me = (await admin.request({ method: 'GET', url: '/api/users/me' })).json().data.id as string;
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/sessions', { type: 'sessions', attributes: { login: 'someone' } }, 'password'],
      [
        `/api/users/${me}/password-change`,
        { type: 'password-changes', attributes: { currentPassword: TEST_PASSWORD } },
        'newPassword',
      ],
      [
        `/api/users/${me}/password-change`,
        { type: 'password-changes', attributes: { newPassword: 'a fine new passphrase' } },
        'currentPassword',
      ],
      [
        '/api/users',
        {
          type: 'users',
          attributes: { username: 'longpass', email: 'longpass@example.test', firstName: 'L', lastName: 'P' },
        },
        'password',
      ],
    ];
    for (const [url, data, field] of cases) {
      for (const length of [2049, 4113, 200_000]) {
        const attributes = { ...(data.attributes as object), [field]: 'p'.repeat(length) };
        const response = await admin.request({
          method: 'POST',
          url,
          payload: { data: { ...data, attributes } },
        });
        const errors = expectErrorDocument(response, 422, `${url} ${field} ${length}`) as ApiError[];
        expect(errorsAt(errors, `/data/attributes/${field}`), `${url} ${field} ${length}`).toEqual([
          expect.objectContaining({ code: 'password_too_long', meta: { rule: 'too_long', max: 1024 } }),
        ]);
      }
    }
  });

  it('answers a password just over its bound in code points like a longer one, before any credential check', async () => {
    const me = (await admin.request({ method: 'GET', url: '/api/users/me' })).json().data.id as string;
    for (const [url, type, attributes, field] of [
      ['/api/sessions', 'sessions', { login: 'someone' }, 'password'],
      [
        `/api/users/${me}/password-change`,
        'password-changes',
        { newPassword: 'a fine new passphrase' },
        'currentPassword',
      ],
    ] as const) {
      // 1,025 code points; in emoji (two UTF-16 units each) 2,050 units.
      for (const value of ['p'.repeat(1025), '\u{1F511}'.repeat(1025)]) {
        const response = await admin.request({
          method: 'POST',
          url,
          payload: { data: { type, attributes: { ...attributes, [field]: value } } },
        });
        const errors = expectErrorDocument(response, 422, `${url} ${value.length}`) as ApiError[];
        expect(errors, `${url} ${value.length}`).toEqual([
          expect.objectContaining({
            code: 'password_too_long',
            source: { pointer: `/data/attributes/${field}` },
          }),
        ]);
      }
    }
  });

  it('answers a setting’s refused value with the setting’s own rule, whatever the value’s type or size', async () => {
    const cases: [string, string, unknown, Record<string, unknown>][] = [
      ['email.signature', 'user', 'x'.repeat(100_000), { reason: 'text_too_long', maximum: 10_000 }],
      ['email.attachment_max_mb', 'organization', 1.5, { reason: 'number_range', minimum: 1, maximum: 25 }],
      ['email.attachment_max_mb', 'organization', '12', { reason: 'number_range', minimum: 1, maximum: 25 }],
      ['email.attachment_max_mb', 'organization', 99, { reason: 'number_range', minimum: 1, maximum: 25 }],
    ];
    for (const [key, scope, value, meta] of cases) {
      const response = await admin.request({
        method: 'PATCH',
        url: `/api/settings/${key}`,
        payload: { data: { type: 'settings', id: key, attributes: { scope, value } } },
      });
      const errors = expectErrorDocument(response, 422, `${key} ${String(value).slice(0, 10)}`) as ApiError[];
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'setting_invalid',
          source: { pointer: '/data/attributes/value' },
          meta: { key, ...meta },
        }),
      ]);
    }
  });

  it('says a repeated query parameter is to be given once', async () => {
    for (const url of ['/api/users?page[size]=5&page[size]=6', '/api/tasks?sort=subject&sort=dueDate']) {
      const errors = expectErrorDocument(await admin.request({ method: 'GET', url }), 400, url) as ApiError[];
      expect(errors[0]?.detail, url).toMatch(/once/);
      expect(errors[0]?.source?.parameter, url).toMatch(/^(page\[size\]|sort)$/);
    }
  });

  it('answers a number out of its range with one error', async () => {
    for (const duration of [1e20, -1e20, 86_401]) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/calls',
        payload: {
          data: { type: 'calls', attributes: { subject: 'Hi', phoneNumber: '+4930123456', duration } },
        },
      });
      const errors = errorsAt(expectErrorDocument(response, 422) as ApiError[], '/data/attributes/duration');
      expect(errors, String(duration)).toHaveLength(1);
      expect(errors[0]?.meta, String(duration)).toMatchObject(
        duration > 0 ? { maximum: 86_400 } : { minimum: 0 },
      );
      expect(errors[0]?.detail).not.toMatch(zodEnglish);
    }
  });

  it('says every problem in its own words', async () => {
    const bodies: [string, string, unknown][] = [
      [
        'POST',
        '/api/calls',
        {
          data: {
            type: 'calls',
            attributes: { subject: 'Hi', phoneNumber: '1', callStatus: 'x', duration: 1.5 },
          },
        },
      ],
      [
        'PATCH',
        '/api/settings/email.signature',
        { data: { type: 'settings', id: 'email.signature', attributes: { scope: 'nowhere', value: 'x' } } },
      ],
      [
        'PATCH',
        '/api/settings/email.signature',
        {
          data: {
            type: 'settings',
            id: 'email.signature',
            attributes: { scope: 'user', value: 'x'.repeat(10_001) },
          },
        },
      ],
      [
        'POST',
        '/api/roles',
        { data: { type: 'roles', attributes: { label: 'x'.repeat(300), permissions: ['x'.repeat(300)] } } },
      ],
      [
        'POST',
        '/api/calendarevents',
        {
          data: { type: 'calendarevents', attributes: { title: 'x', start: 'soon', backgroundColor: 'red' } },
        },
      ],
    ];
    for (const [method, url, payload] of bodies) {
      const response = await admin.request({ method: method as 'POST', url, payload: payload as object });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      for (const error of response.json().errors as ApiError[])
        expect(error.detail, url).not.toMatch(zodEnglish);
    }
  });

  it('answers any bad query parameter with 400 and source.parameter, on every operation that reads one', async () => {
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get;
      if (!get) continue;
      const url = path.replace(/\{[^}]+\}/g, 'me');
      for (const parameter of (get.parameters ?? []).filter((p) => p.in === 'query')) {
        const query = `${encodeURIComponent(parameter.name)}=${'x'.repeat(5000)}`;
        const response = await admin.request({ method: 'GET', url: `${url}?${query}` });
        const errors = expectErrorDocument(response, 400, `${url} ${parameter.name}`) as ApiError[];
        expect(
          errors.find((error) => error.source?.parameter === parameter.name),
          `${url} ${parameter.name}`,
        ).toBeDefined();
        for (const error of errors) expect(error.detail, url).not.toMatch(zodEnglish);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    for (const url of [
      '/api/settings?scope=x',
      '/api/calendar-occurrences?filter[owner]=me&filter[invitations]=x&filter[start][gte]=2026-01-01T00:00:00Z&filter[start][lt]=2026-02-01T00:00:00Z',
    ]) {
      const errors = expectErrorDocument(await admin.request({ method: 'GET', url }), 400, url) as ApiError[];
      expect(errors[0]?.source?.parameter, url).toMatch(/^scope$|^filter\[invitations\]$/);
    }
  });

  it('answers a filter naming a user with anything but an id (or me, where it stands for the caller) with 400 at the parameter', async () => {
    const range = 'filter[start][gte]=2026-01-01T00:00:00Z&filter[start][lt]=2026-02-01T00:00:00Z';
    const filters: [url: string, parameter: string, reason: 'id' | 'owner'][] = [
      ['/api/tasks', 'filter[owner]', 'owner'],
      [`/api/calendar-occurrences?${range}`, 'filter[owner]', 'owner'],
      ['/api/calls', 'filter[author]', 'id'],
      ['/api/audit-events', 'filter[actor]', 'id'],
      ['/api/audit-events', 'filter[subject]', 'id'],
    ];
    // (Past 1,024 characters any query value is too long: input-faults' walk over every parameter.)
    const malformed = [
      'nope',
      'ME',
      newId().toUpperCase(),
      `${newId()}x`,
      `${newId()},nope`,
      'x'.repeat(1024),
    ];
    for (const [url, parameter, reason] of filters) {
      const join = url.includes('?') ? '&' : '?';
      for (const value of malformed) {
        const response = await admin.request({
          method: 'GET',
          url: `${url}${join}${parameter}=${encodeURIComponent(value)}`,
        });
        const errors = expectErrorDocument(
          response,
          400,
          `${url} ${parameter}=${value.slice(0, 40)}`,
        ) as ApiError[];
        expect(errors, `${url} ${parameter}=${value.slice(0, 40)}`).toEqual([
          expect.objectContaining({
            code: 'invalid_filter_value',
            source: { parameter },
            meta: { reason, parameter },
          }),
        ]);
      }
      // A well-formed id of nobody here is no fault of form: an empty list (the calendar, which
      // is one person's, says the user is not found).
      const nobody = await admin.request({ method: 'GET', url: `${url}${join}${parameter}=${newId()}` });
      expect(nobody.statusCode, `${url} ${parameter}=<unknown id>`).toBe(
        url.includes('calendar') ? 404 : 200,
      );
      if (reason === 'owner') {
        const mine = await admin.request({ method: 'GET', url: `${url}${join}${parameter}=me` });
        expect(mine.statusCode, `${url} ${parameter}=me`).toBe(200);
      }
    }
  });

  it('describes as required exactly the query parameters the server requires', async () => {
    let required = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get;
      if (!get) continue;
      const url = path.replace(/\{[^}]+\}/g, 'me');
      const response = await admin.request({ method: 'GET', url });
      const missing =
        response.statusCode === 400
          ? (response.json().errors as ApiError[])
              .filter((error) => error.code === 'parameter_required')
              .map((error) => error.source?.parameter)
          : [];
      const described = (get.parameters ?? [])
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => p.name);
      expect(missing.sort(), url).toEqual(described.sort());
      required += described.length;
    }
    expect(required).toBeGreaterThanOrEqual(3);
  });

  it('takes a body-less DELETE, or POST whose body may be omitted, sent with the JSON:API Content-Type', async () => {
    const sample = (path: string) => path.replace('{menu}', 'usermenu').replace(/\{[^}]+\}/g, 'me');
    let omittable = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'get' || operation.requestBody?.content['multipart/form-data']) continue;
        // A user of their own per request: a DELETE of the session or a reset must not spoil the next.
        const { browser } = await signedInUser(t, { roles: ['Administrator'], instanceAdministrator: true });
        const label = `${method.toUpperCase()} ${path}`;
        const response = await browser.request({
          method: method.toUpperCase() as 'POST',
          url: sample(path),
          headers: { 'content-type': 'application/vnd.api+json' },
        });
        expect(response.statusCode, label).toBeLessThan(500);
        const codes =
          response.statusCode >= 400 ? (response.json().errors as ApiError[]).map((e) => e.code) : [];
        if (operation.requestBody?.required !== false && operation.requestBody) {
          expect(response.statusCode, label).toBe(400);
        } else {
          expect(codes, label).not.toContain('empty_body');
          omittable++;
        }
      }
    }
    expect(omittable).toBeGreaterThan(10);
    const required = (path: string, method: string) => document.paths[path]?.[method]?.requestBody?.required;
    expect(required('/api/users/{id}/api-key', 'post')).toBe(false);
    expect(required('/api/users/me/calendar-feed', 'post')).toBe(false);
    expect(required('/api/mail-messages/{id}/retry', 'post')).toBe(false);
    expect(required('/api/calls', 'post')).toBe(true);
    const { browser } = await signedInUser(t);
    const generated = await browser.request({
      method: 'POST',
      url: '/api/users/me/api-key',
      headers: { 'content-type': 'application/vnd.api+json' },
    });
    expect(generated.statusCode).toBe(201);
    const emptyBody = await browser.request({
      method: 'POST',
      url: '/api/calls',
      headers: { 'content-type': 'application/vnd.api+json' },
    });
    expect(expectErrorDocument(emptyBody, 400)[0]).toMatchObject({
      code: 'empty_body',
      source: { pointer: '/' },
    });
  });

  it('answers a reference to a record that is not there, or is another organization’s, alike, pointing at it', async () => {
    const stranger = await buildMember(t);
    const owner = (id: string) => ({ owner: { data: { type: 'users', id } } });
    const targets = (id: string) => ({ activityTargets: { data: [{ type: 'users', id }] } });
    const cases: [string, (id: string) => unknown, string][] = [
      [
        '/api/tasks',
        (id) => ({ type: 'tasks', attributes: { subject: 'Call back' }, relationships: owner(id) }),
        '/data/relationships/owner/data',
      ],
      [
        '/api/calendarevents',
        (id) => ({
          type: 'calendarevents',
          attributes: {
            title: 'Sync',
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T09:30:00Z',
            timeZone: 'UTC',
          },
          relationships: owner(id),
        }),
        '/data/relationships/owner/data',
      ],
      [
        '/api/calls',
        (id) => ({
          type: 'calls',
          attributes: { subject: 'Hi', phoneNumber: '+4930123456' },
          relationships: targets(id),
        }),
        '/data/relationships/activityTargets/data/0',
      ],
    ];
    for (const [url, data, pointer] of cases) {
      const answers = [];
      for (const id of [newId(), stranger.id]) {
        const response = await admin.request({ method: 'POST', url, payload: { data: data(id) } });
        const [error] = expectErrorDocument(response, 404, url) as ApiError[];
        expect(error?.source, url).toEqual({ pointer });
        answers.push({ code: error?.code, detail: error?.detail });
      }
      expect(answers[0], url).toEqual(answers[1]);
    }
  });
});

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type BodyText = {
  label: string;
  method: string;
  url: string;
  type: unknown;
  pointer: string;
  maxLength: number | undefined;
  body: (value: string) => Record<string, unknown>;
};

/**
 * Every free text of every JSON request body the OpenAPI document describes (strings that are not
 * one of a fixed set of values), with where it sits and a body that carries a given value there.
 */
function bodyTexts(
  paths: Record<string, Record<string, Operation>>,
  components: Record<string, JsonSchema>,
): BodyText[] {
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    while (current.$ref) current = components[current.$ref.split('/').at(-1) as string] as JsonSchema;
    return current;
  };
  const found: { path: string[]; maxLength: number | undefined }[] = [];
  const walk = (raw: JsonSchema, path: string[]): void => {
    const schema = resolve(raw);
    for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
      walk(part, path);
    const types = [schema.type].flat();
    if (types.includes('string') && schema.enum === undefined && schema.const === undefined)
      found.push({ path, maxLength: schema.maxLength });
    for (const [name, property] of Object.entries(schema.properties ?? {})) walk(property, [...path, name]);
    if (typeof schema.additionalProperties === 'object')
      walk(schema.additionalProperties, [...path, 'someKey']);
    if (schema.items) walk(schema.items, [...path, '0']);
  };
  const texts: BodyText[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const content = operation.requestBody?.content['application/vnd.api+json'] as
        | { schema: JsonSchema }
        | undefined;
      if (!content) continue;
      const data = resolve(resolve(content.schema).properties?.data ?? {});
      found.length = 0;
      // Every text of the resource object: attributes, `id`, relationships' ids.
      for (const [name, member] of Object.entries(data.properties ?? {}))
        if (name !== 'type') walk(member, [name]);
      const url = path.replace('{menu}', 'usermenu').replace(/\{[^}]+\}/g, 'me');
      for (const text of found) {
        const pointer = `/data/${text.path.join('/')}`;
        const textPath = text.path;
        texts.push({
          label: `${method.toUpperCase()} ${path} ${pointer}`,
          method: method.toUpperCase(),
          url,
          type: resolve(data.properties?.type ?? {}).const,
          pointer,
          maxLength: text.maxLength,
          body(value) {
            let nested: unknown = value;
            for (const part of [...textPath].reverse()) nested = part === '0' ? [nested] : { [part]: nested };
            return nested as Record<string, unknown>;
          },
        });
      }
    }
  }
  return texts;
}
