import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  buildAdmin,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

type Attributes = Record<string, unknown>;

const patchBody = (attributes: Attributes, extra: Record<string, unknown> = {}) => ({
  data: { type: 'users', attributes, ...extra },
});

describe('GET and PATCH /api/users/{id}', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const member = (roles: ('Administrator' | 'Manager' | 'User')[] = ['User']) =>
    signedInUser(t, { organization, roles });

  async function patch(
    browser: Browser,
    id: string,
    attributes: Attributes,
    headers: Record<string, string> = {},
  ) {
    return browser.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: patchBody(attributes),
      headers,
    });
  }

  async function row(id: string) {
    return t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  function expectPointer(response: { statusCode: number; json(): unknown }, status: number, pointer: string) {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    const errors = (response.json() as { errors: { source?: { pointer?: string }; detail: string }[] })
      .errors;
    const error = errors.find((e) => e.source?.pointer === pointer);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.detail.length).toBeGreaterThan(10);
    return error;
  }

  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', '/api/users/me'],
      ['PATCH', '/api/users/me'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('reads my own profile by `me` and by id, with an ETag and no secrets', async () => {
    const { user, browser } = await member();
    const response = await browser.request({ method: 'GET', url: '/api/users/me' });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    const { data } = response.json();
    expect(data.meta).toEqual({ etag: '"v1"', abilities: expect.any(Object) });
    expect(data).toMatchObject({
      type: 'users',
      id: user.id,
      attributes: {
        username: user.username,
        email: user.email,
        firstName: 'Test',
        additionalEmails: [],
        customFields: {},
        status: 'active',
        enabled: true,
        avatarUrl: null,
      },
      links: { self: `/api/users/${user.id}` },
    });
    expect(data.relationships.roles.data).toEqual([{ type: 'roles', id: organization.roleIds.User }]);
    expect(data.relationships.organizations.data).toEqual([{ type: 'organizations', id: organization.id }]);
    expect(response.body).not.toMatch(/passwordHash|\$argon2|Normalized/);
    const byId = await browser.request({ method: 'GET', url: `/api/users/${user.id}` });
    expect(byId.json().data).toEqual(data);
  });

  it("reads a colleague with users.view, but another organization's user is 404 and without users.view 403", async () => {
    const { browser } = await member();
    const colleague = await buildUser(t, { organization });
    const outsider = await buildUser(t);
    expect((await browser.request({ method: 'GET', url: `/api/users/${colleague.id}` })).statusCode).toBe(
      200,
    );
    const foreign = await browser.request({ method: 'GET', url: `/api/users/${outsider.id}` });
    expect(foreign.statusCode).toBe(404);
    const missing = await browser.request({
      method: 'GET',
      url: '/api/users/00000000-0000-7000-8000-000000000000',
    });
    expect(foreign.body).toBe(missing.body);

    const noRoles = await buildUser(t, { organization, roles: [] });
    const plain = await signIn(t.app, noRoles.username, TEST_PASSWORD);
    expect((await plain.request({ method: 'GET', url: '/api/users/me' })).statusCode).toBe(200);
    expect((await plain.request({ method: 'GET', url: `/api/users/${colleague.id}` })).statusCode).toBe(403);
  });

  it('shows another user only the organizations the viewer shares with them', async () => {
    const { browser } = await member();
    const colleague = await buildUser(t, { organization });
    const elsewhere = await buildOrganization(t);
    await t.deps.db
      .insertInto('memberships')
      .values({
        id: crypto.randomUUID(),
        userId: colleague.id,
        organizationId: elsewhere.id,
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    const response = await browser.request({ method: 'GET', url: `/api/users/${colleague.id}` });
    expect(response.json().data.relationships.organizations.data).toEqual([
      { type: 'organizations', id: organization.id },
    ]);
  });

  it('updates every general field, bumps the version and records which fields changed', async () => {
    const { user, browser } = await member();
    const response = await patch(
      browser,
      'me',
      {
        username: `renamed_${user.username}`,
        namePrefix: 'Dr.',
        firstName: 'Ada',
        middleName: 'Maria',
        lastName: 'Lovelace',
        nameSuffix: 'Jr.',
        birthday: '1990-12-31',
        phone: '(415) 555-2671',
      },
      { 'if-match': '"v1"' },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    const { attributes } = response.json().data;
    expect(attributes).toMatchObject({
      username: `renamed_${user.username}`,
      fullName: 'Dr. Ada Maria Lovelace Jr.',
      birthday: '1990-12-31',
      phone: '+14155552671',
    });
    const stored = await row(user.id);
    expect(stored).toMatchObject({ firstName: 'Ada', phone: '+14155552671', version: 2 });
    expect(stored.usernameNormalized).toBe(`renamed_${user.username}`.toLowerCase());
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'details', 'actorUserId'])
      .where('subjectUserId', '=', user.id)
      .where('action', '=', 'profile.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details).fields).toEqual(
      expect.arrayContaining(['username', 'namePrefix', 'firstName', 'birthday', 'phone']),
    );
    expect(audit.details).not.toContain('Lovelace');
    // Sign in with the new username works.
    await signIn(t.app, `RENAMED_${user.username}`, TEST_PASSWORD);
  });

  it('clears optional fields with null or an empty string', async () => {
    const { user, browser } = await member();
    await patch(browser, 'me', {
      namePrefix: 'Dr.',
      middleName: 'M',
      birthday: '1980-01-01',
      phone: '+49 30 1234567',
    });
    const response = await patch(browser, 'me', {
      namePrefix: '',
      middleName: null,
      birthday: null,
      phone: '',
    });
    expect(response.statusCode).toBe(200);
    expect(await row(user.id)).toMatchObject({
      namePrefix: null,
      middleName: null,
      birthday: null,
      phone: null,
    });
  });

  it.each([
    ['＋８１ ９０－１２３４－５６７８', '+819012345678'], // full-width, as a Japanese input method types it
    ['+١ ٦٥٠ ٢٥٣ ٠٠٠٠', '+16502530000'], // Arabic-Indic digits
    ['+1 650 253 0000 ext. 136', '+16502530000;ext=136'], // an extension, as OroCRM accepts
    ['(650) 253-0000 x١٣٦', '+16502530000;ext=136'],
  ])('stores the phone %j as %j (E.164 plus the extension) and answers it so', async (typed, stored) => {
    const { user, browser } = await member();
    const response = await patch(browser, 'me', { phone: typed });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.attributes.phone).toBe(stored);
    expect((await row(user.id)).phone).toBe(stored);
    const read = await browser.request({ method: 'GET', url: '/api/users/me' });
    expect(read.json().data.attributes.phone).toBe(stored);
    // Sent back as read (the web app's edit form does), it changes nothing.
    const again = await patch(browser, 'me', { phone: stored });
    expect(again.headers.etag).toBe(response.headers.etag);
  });

  it('round-trips emoji, combining marks, right-to-left text and 255-character values exactly', async () => {
    const { user, browser } = await member();
    const values = {
      firstName: 'Zoë 👩🏽‍💻',
      lastName: 'שָׁלוֹם עליכם',
      middleName: 'e\u0301e\u0301 محمد',
      namePrefix: 'x'.repeat(255),
      nameSuffix: '🎉'.repeat(255),
    };
    const response = await patch(browser, 'me', values);
    expect(response.statusCode, response.body).toBe(200);
    const read = await browser.request({ method: 'GET', url: '/api/users/me' });
    expect(read.json().data.attributes).toMatchObject(values);
    expect(await row(user.id)).toMatchObject(values);
    const tooLong = await patch(browser, 'me', { nameSuffix: '🎉'.repeat(256) });
    expectPointer(tooLong, 422, '/data/attributes/nameSuffix');
    const firstTooLong = await patch(browser, 'me', { firstName: 'é'.repeat(101) });
    expectPointer(firstTooLong, 422, '/data/attributes/firstName');
    expect((await patch(browser, 'me', { firstName: 'é'.repeat(100) })).statusCode).toBe(200);
  });

  it.each([
    ['username', 'ab'],
    ['username', 'x'.repeat(256)],
    ['username', ' padded'],
    ['username', 'line\nbreak'],
    ['username', 'someone@example.com'],
    ['firstName', ''],
    ['lastName', ''],
    ['firstName', 'trailing '],
    ['middleName', 'tab\there'],
    ['birthday', '31.12.1990'],
    ['birthday', '1990-02-30'],
    ['email', 'no-at-sign.example.com'],
    ['email', 'two@@example.com'],
    ['email', `${'a'.repeat(65)}@example.com`],
    ['email', `a@${'b'.repeat(250)}.com`],
    ['email', 'name@example.com\r\nBcc: victim@example.com'],
    ['email', 'name@localhost'],
    ['email', ''],
    ['phone', 'not a phone'],
    ['phone', '12'],
  ])('refuses %s = %j with 422 and a pointer, saving nothing', async (field, value) => {
    const { user, browser } = await member();
    const before = await row(user.id);
    const response = await patch(browser, 'me', { [field]: value, currentPassword: TEST_PASSWORD });
    expectPointer(response, 422, `/data/attributes/${field}`);
    expect(await row(user.id)).toEqual(before);
  });

  it('refuses birthdays in the future or more than 120 years back, by the injected clock', async () => {
    const { browser } = await member();
    // The test clock says 2026-01-15.
    expectPointer(await patch(browser, 'me', { birthday: '2026-01-16' }), 422, '/data/attributes/birthday');
    expect((await patch(browser, 'me', { birthday: '2026-01-15' })).statusCode).toBe(200);
    expect((await patch(browser, 'me', { birthday: '1906-01-15' })).statusCode).toBe(200);
    expectPointer(await patch(browser, 'me', { birthday: '1906-01-14' }), 422, '/data/attributes/birthday');
    // 10:00 UTC is already 2026-01-16 in Pacific/Kiritimati (UTC+14): someone there may enter it.
    t.clock.set('2026-01-15T10:00:00.000Z');
    expect((await patch(browser, 'me', { birthday: '2026-01-16' })).statusCode).toBe(200);
    expectPointer(await patch(browser, 'me', { birthday: '2026-01-17' }), 422, '/data/attributes/birthday');
  });

  it('reports every invalid field at once', async () => {
    const { browser } = await member();
    const response = await patch(browser, 'me', { username: 'ab', birthday: '2999-01-01', phone: 'abc' });
    expect(response.statusCode).toBe(422);
    const pointers = response.json().errors.map((e: { source: { pointer: string } }) => e.source.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/data/attributes/username']));
    // Schema rules first (username); clock and phone rules once the schema passes.
    const second = await patch(browser, 'me', { birthday: '2999-01-01', phone: 'abc' });
    const secondPointers = second.json().errors.map((e: { source: { pointer: string } }) => e.source.pointer);
    expect(secondPointers).toEqual(['/data/attributes/birthday', '/data/attributes/phone']);
  });

  it('refuses wrong types and unknown attributes with 400 and a pointer', async () => {
    const { browser } = await member();
    for (const [attributes, pointer] of [
      [{ firstName: 42 }, '/data/attributes/firstName'],
      [{ birthday: 19901231 }, '/data/attributes/birthday'],
      [{ additionalEmails: 'a@example.com' }, '/data/attributes/additionalEmails'],
      [{ isAdmin: true }, '/data/attributes/isAdmin'],
      [{ passwordHash: 'x' }, '/data/attributes/passwordHash'],
      [{ organizationId: 'x' }, '/data/attributes/organizationId'],
      [{ status: 'active' }, '/data/attributes/status'],
      [{ customFields: { shirt: { nested: true } } }, '/data/attributes/customFields/shirt'],
    ] as const) {
      const response = await patch(browser, 'me', attributes);
      expectPointer(response, 400, pointer);
    }
    const wrongType = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'people', attributes: {} } },
    });
    expect(wrongType.statusCode).toBe(409);
  });

  it('honours If-Match: a stale ETag is 412 and changes nothing; without If-Match the change applies', async () => {
    const { user, browser } = await member();
    const first = await browser.request({ method: 'GET', url: '/api/users/me' });
    const etag = first.headers.etag as string;
    expect((await patch(browser, 'me', { firstName: 'Tab One' }, { 'if-match': etag })).statusCode).toBe(200);
    const stale = await patch(browser, 'me', { firstName: 'Tab Two' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().errors[0].code).toBe('stale_record');
    expect((await row(user.id)).firstName).toBe('Tab One');
    expect((await patch(browser, 'me', { firstName: 'Weak' }, { 'if-match': `W/${etag}` })).statusCode).toBe(
      412,
    );
    expect((await patch(browser, 'me', { firstName: 'Any' }, { 'if-match': '*' })).statusCode).toBe(200);
    const integration = await patch(browser, 'me', { firstName: 'No Precondition' });
    expect(integration.statusCode).toBe(200);
    expect(integration.headers.etag).toBe('"v4"');
  });

  it('lets only one of two concurrent updates of the same version through', async () => {
    const { user, browser } = await member();
    const results = await Promise.all(
      ['Left', 'Right'].map((firstName) => patch(browser, 'me', { firstName }, { 'if-match': '"v1"' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect((await row(user.id)).version).toBe(2);
  });

  it('refuses a username or primary email that another user has, case-insensitively (409)', async () => {
    const { user, browser } = await member();
    const other = await buildUser(t, { organization });
    const outsider = await buildUser(t); // other organizations count too: usernames are global
    const username = await patch(browser, 'me', { username: other.username.toUpperCase() });
    expectPointer(username, 409, '/data/attributes/username');
    expect(username.json().errors[0].code).toBe('username_taken');
    expectPointer(
      await patch(browser, 'me', { username: outsider.username }),
      409,
      '/data/attributes/username',
    );
    const email = await patch(browser, 'me', {
      email: other.email.toUpperCase(),
      currentPassword: TEST_PASSWORD,
    });
    expectPointer(email, 409, '/data/attributes/email');
    expect((await row(user.id)).email).toBe(user.email);
    // Changing only the case of my own username is fine.
    expect((await patch(browser, 'me', { username: user.username.toUpperCase() })).statusCode).toBe(200);
  });

  it('changes my primary email only with my current password, and tells the old address', async () => {
    const { user, browser } = await member();
    const newEmail = `new_${user.username}@example.org`;
    const missing = await patch(browser, 'me', { email: newEmail });
    expectPointer(missing, 422, '/data/attributes/currentPassword');
    const wrong = await patch(browser, 'me', { email: newEmail, currentPassword: 'not my password at all' });
    expectPointer(wrong, 422, '/data/attributes/currentPassword');
    expect((await row(user.id)).email).toBe(user.email);

    const wakes = t.mailWakes();
    const ok = await patch(browser, 'me', { email: newEmail, currentPassword: TEST_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await row(user.id)).toMatchObject({ email: newEmail, emailNormalized: newEmail });
    const mail = await t.deps.db
      .selectFrom('mailOutbox')
      .select(['template', 'toAddress', 'textBody'])
      .where('toAddress', '=', user.email)
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.template).toBe('email-changed');
    expect(t.mailWakes()).toBe(wakes + 1);
    expect(ok.body).not.toContain(TEST_PASSWORD);
    // Sign-in works with the new address.
    await signIn(t.app, newEmail, TEST_PASSWORD);
  });

  it('lets an administrator change a member’s profile and email without a password; members need users.edit', async () => {
    const admin = await buildAdmin(t, organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const { user, browser } = await member();
    const colleague = await buildUser(t, { organization });
    expect((await patch(browser, colleague.id, { firstName: 'Hacked' })).statusCode).toBe(403);
    const changed = await patch(adminBrowser, user.id, {
      firstName: 'Edited',
      email: `edited_${user.email}`,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await row(user.id)).toMatchObject({ firstName: 'Edited', email: `edited_${user.email}` });
    const outsider = await buildUser(t);
    expect((await patch(adminBrowser, outsider.id, { firstName: 'Nope' })).statusCode).toBe(404);
    expect((await row(outsider.id)).firstName).toBe('Test');
  });

  it('needs update_own_profile to edit my own profile', async () => {
    const noRoles = await buildUser(t, { organization, roles: [] });
    const browser = await signIn(t.app, noRoles.username, TEST_PASSWORD);
    expect((await patch(browser, 'me', { firstName: 'Me' })).statusCode).toBe(403);
  });

  it('refuses a body whose id names another user', async () => {
    const { user, browser } = await member();
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: patchBody({ firstName: 'X' }, { id: '00000000-0000-7000-8000-000000000000' }),
    });
    expect(response.statusCode).toBe(409);
    const same = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: patchBody({ firstName: 'Same' }, { id: user.id }),
    });
    expect(same.statusCode).toBe(200);
  });

  it('applies the administrator’s enabled attribute and roles relationship in the same request', async () => {
    const admin = await buildAdmin(t, organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const { user, browser } = await member();
    const response = await adminBrowser.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: patchBody(
        { firstName: 'Managed', enabled: false },
        { relationships: { roles: { data: [{ type: 'roles', id: organization.roleIds.Manager }] } } },
      ),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.attributes).toMatchObject({
      firstName: 'Managed',
      enabled: false,
      status: 'disabled',
    });
    expect(response.json().data.relationships.roles.data).toEqual([
      { type: 'roles', id: organization.roleIds.Manager },
    ]);
    expect((await row(user.id)).version).toBe(2);
    // The disabled user's session is gone.
    expect((await browser.request({ method: 'GET', url: '/api/users/me' })).statusCode).toBe(401);
    // A plain member may not send `enabled`.
    const { browser: plain } = await member();
    expect((await patch(plain, 'me', { enabled: true })).statusCode).toBe(403);
  });

  it('does nothing (same version) for a PATCH that changes nothing', async () => {
    const { user, browser } = await member();
    const read = await browser.request({ method: 'GET', url: '/api/users/me' });
    const same = await patch(browser, 'me', {
      firstName: read.json().data.attributes.firstName,
      email: user.email,
    });
    expect(same.statusCode).toBe(200);
    expect(same.headers.etag).toBe('"v1"');
  });

  it('parses the phone with the default country of the user’s locale', async () => {
    const { user, browser } = await member();
    await t.deps.db.updateTable('users').set({ locale: 'de-DE' }).where('id', '=', user.id).execute();
    const response = await patch(browser, 'me', { phone: '030 1234567' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.attributes.phone).toBe('+49301234567');
  });
  it('trims the profile to fields[users] and refuses unknown fields or parameters (400)', async () => {
    const { user, browser } = await member();
    const response = await browser.request({
      method: 'GET',
      url: '/api/users/me?fields[users]=username,roles',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    const { data } = response.json();
    expect(data.attributes).toEqual({ username: user.username });
    expect(data.relationships).toEqual({
      roles: { data: [{ type: 'roles', id: organization.roleIds.User }] },
    });
    expect(data.meta).toEqual({ etag: '"v1"', abilities: expect.any(Object) });
    for (const [query, parameter] of [
      ['fields[users]=passwordHash', 'fields[users]'],
      ['fields[roles]=name', 'fields[roles]'],
      ['include=roles', 'include'],
    ] as const) {
      const refused = await browser.request({ method: 'GET', url: `/api/users/${user.id}?${query}` });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().errors[0].source, query).toEqual({ parameter });
    }
  });
});
