import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { newId } from '../../platform/ids';
import { syncUserIdentities } from './identities';

const INITIAL_PASSWORD = 'an initial secret phrase';

function createBody(attributes: Record<string, unknown> = {}, roleIds?: string[]) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    data: {
      type: 'users',
      attributes: {
        username: `new_${suffix}`,
        email: `new_${suffix}@example.com`,
        firstName: 'Katherine',
        lastName: 'Johnson',
        password: INITIAL_PASSWORD,
        ...attributes,
      },
      ...(roleIds
        ? { relationships: { roles: { data: roleIds.map((id) => ({ type: 'roles', id })) } } }
        : {}),
    },
  };
}

describe('POST /api/users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const userCount = async () => (await t.deps.db.selectFrom('users').select('id').execute()).length;

  it('needs a signed-in user with users.create', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': JSONAPI },
      payload: createBody(),
    });
    expect(anonymous.statusCode).toBe(401);
    const member = await buildUser(t, { roles: ['User'] });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const before = await userCount();
    const denied = await browser.request({ method: 'POST', url: '/api/users', payload: createBody() });
    expect(denied.statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('refuses a cookie request without the CSRF token, or from another origin (403), creating nothing', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const before = await userCount();
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: browser.cookie, 'content-type': JSONAPI },
      payload: createBody(),
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().errors[0].code).toBe('csrf_token_invalid');
    const foreign = await browser.request({
      method: 'POST',
      url: '/api/users',
      headers: { origin: 'https://evil.example' },
      payload: createBody(),
    });
    expect(foreign.statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('creates a user in my current organization: roles, must change the password, audited', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const managerRole = admin.organization.roleIds.Manager as string;
    const body = createBody({ namePrefix: 'Dr.', middleName: 'Coleman', username: 'Katherine.J' }, [
      managerRole,
    ]);
    const response = await browser.request({ method: 'POST', url: '/api/users', payload: body });
    expect(response.statusCode, response.body).toBe(201);
    const { data } = response.json();
    expect(response.headers.location).toBe(`/api/users/${data.id}`);
    expect(data).toMatchObject({
      type: 'users',
      attributes: {
        username: 'Katherine.J',
        fullName: 'Dr. Katherine Coleman Johnson',
        enabled: true,
        status: 'active',
        mustChangePassword: true,
      },
      relationships: {
        roles: { data: [{ type: 'roles', id: managerRole }] },
        organizations: { data: [{ type: 'organizations', id: admin.organizationId }] },
      },
    });
    expect(response.body).not.toContain(INITIAL_PASSWORD);
    expect(response.body).not.toMatch(/passwordHash|argon2/);

    const row = await t.deps.db
      .selectFrom('users')
      .select(['usernameNormalized', 'passwordHash', 'mustChangePassword', 'lastOrganizationId'])
      .where('id', '=', data.id)
      .executeTakeFirstOrThrow();
    expect(row.usernameNormalized).toBe('katherine.j');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.mustChangePassword).toBe(true);
    expect(row.lastOrganizationId).toBe(admin.organizationId);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['actorUserId', 'organizationId', 'details'])
      .where('action', '=', 'user.created')
      .where('subjectUserId', '=', data.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorUserId: admin.id, organizationId: admin.organizationId });
    expect(audit.details).not.toContain(INITIAL_PASSWORD);

    // The new user signs in with the initial password and must change it before anything else.
    const newcomer = await signIn(t.app, 'KATHERINE.J', INITIAL_PASSWORD);
    const profile = await newcomer.request({ method: 'GET', url: '/api/userprofile' });
    expect(profile.json().data.attributes.mustChangePassword).toBe(true);
    expect((await newcomer.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
  });

  it('gives the User role when no roles are sent; mustChangePassword can be turned off', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({ mustChangePassword: false, username: 'plain_user' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().data.relationships.roles.data).toEqual([
      { type: 'roles', id: admin.organization.roleIds.User },
    ]);
    const newcomer = await signIn(t.app, 'plain_user', INITIAL_PASSWORD);
    expect((await newcomer.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });

  it('refuses taken usernames and emails case-insensitively (409 naming the field), additional emails too', async () => {
    const admin = await buildAdmin(t);
    const existing = await buildUser(t, { username: 'Taken.Name', email: 'taken@example.com' });
    await t.deps.db
      .insertInto('userEmails')
      .values({
        id: newId(),
        userId: existing.id,
        email: 'second@example.com',
        emailNormalized: 'second@example.com',
        verifiedAt: null,
        position: 0,
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    await syncUserIdentities(t.deps.db, existing.id);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const before = await userCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: 'taken.NAME' }, 'username', 'username_taken'],
      [{ email: 'TAKEN@example.com' }, 'email', 'email_taken'],
      [{ email: 'Second@Example.com' }, 'email', 'email_taken'],
    ];
    for (const [attributes, field, code] of cases) {
      const response = await browser.request({
        method: 'POST',
        url: '/api/users',
        payload: createBody(attributes),
      });
      expect(response.statusCode, JSON.stringify(attributes)).toBe(409);
      expect(response.json().errors[0]).toMatchObject({
        code,
        source: { pointer: `/data/attributes/${field}` },
      });
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses wrong types and unknown members (400) and broken rules (422), with pointers', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const before = await userCount();
    const cases: [unknown, number, string][] = [
      [createBody({ isAdmin: true }), 400, '/data/attributes/isAdmin'],
      [createBody({ organizationId: admin.organizationId }), 400, '/data/attributes/organizationId'],
      [createBody({ passwordHash: 'x' }), 400, '/data/attributes/passwordHash'],
      [createBody({ username: 42 }), 400, '/data/attributes/username'],
      [createBody({ mustChangePassword: 'no' }), 400, '/data/attributes/mustChangePassword'],
      [createBody({ username: undefined }), 400, '/data/attributes/username'],
      [createBody({ username: 'ab' }), 422, '/data/attributes/username'],
      [createBody({ username: 'has@sign' }), 422, '/data/attributes/username'],
      [createBody({ email: 'not-an-email' }), 422, '/data/attributes/email'],
      [createBody({ email: 'a@b.com\r\nBcc: x@evil.example' }), 422, '/data/attributes/email'],
      [createBody({ firstName: '' }), 422, '/data/attributes/firstName'],
      [createBody({ lastName: ' Padded' }), 422, '/data/attributes/lastName'],
      [createBody({ password: 'short' }), 422, '/data/attributes/password'],
      [createBody({ password: 'x'.repeat(1025) }), 422, '/data/attributes/password'],
      [createBody({ password: 'qwerty123456' }), 422, '/data/attributes/password'],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await browser.request({
        method: 'POST',
        url: '/api/users',
        payload: payload as object,
      });
      expect(response.statusCode, `${JSON.stringify(payload).slice(0, 160)} ${response.body}`).toBe(status);
      expect(response.json().errors[0].source.pointer).toBe(pointer);
    }
    const malformed = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: '{"data":',
      headers: { 'content-type': JSONAPI },
    });
    expect(malformed.statusCode).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('accepts a long passphrase with spaces and emoji, and names the policy rules it breaks', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const phrase = 'correct 🐎 battery staple, but much longer than the minimum: ünïcödé';
    const ok = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({ password: phrase }),
    });
    expect(ok.statusCode).toBe(201);
    const contextual = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({ username: 'zebracorn', password: 'my zebracorn password' }),
    });
    expect(contextual.statusCode).toBe(422);
    expect(contextual.json().errors.map((e: { code: string }) => e.code)).toContain(
      'password_context_username',
    );
    // The same error shape as every other password form: the rule in meta, the field in source.
    expect(contextual.json().errors).toContainEqual(
      expect.objectContaining({
        code: 'password_context_username',
        meta: { rule: 'context_username' },
        source: { pointer: '/data/attributes/password' },
      }),
    );
    // The new user's username, not the administrator's: no "your".
    expect(
      contextual.json().errors.find((e: { code: string }) => e.code === 'password_context_username').detail,
    ).toBe("The password must not contain the user's username.");
  });

  it('refuses another organization’s role and roles beyond the creator’s permissions', async () => {
    const admin = await buildAdmin(t);
    const foreign = await buildOrganization(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const before = await userCount();
    const response = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({}, [
        admin.organization.roleIds.User as string,
        foreign.roleIds.Administrator as string,
      ]),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().errors[0]).toMatchObject({
      code: 'role_not_found',
      source: { pointer: '/data/relationships/roles/data/1/id' },
    });
    const wrongType = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        ...createBody(),
        data: { ...createBody().data, relationships: { roles: { data: [{ type: 'users', id: newId() }] } } },
      },
    });
    expect(wrongType.statusCode).toBe(422);
    expect(await userCount()).toBe(before);

    // A manager may create users but not administrators.
    const manager = await buildUser(t, { organization: admin.organization, roles: ['Manager'] });
    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const beforeEscalation = await userCount();
    const escalation = await managerBrowser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({}, [admin.organization.roleIds.Administrator as string]),
    });
    expect(escalation.statusCode).toBe(422);
    expect(escalation.json().errors[0].code).toBe('role_exceeds_own_permissions');
    expect(await userCount()).toBe(beforeEscalation);
    const allowed = await managerBrowser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({}, [admin.organization.roleIds.Manager as string]),
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('refuses a username equal to someone’s email and an email equal to someone’s username', async () => {
    const admin = await buildAdmin(t);
    await buildUser(t, { username: 'lonely.name', email: 'owner@example.org' });
    // A username with "@" from before this rule existed: nobody may take it as an email.
    await buildUser(t, { username: 'legacy@example.org', email: 'legacy.owner@example.org' });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    // "@" is not allowed in usernames (422): a username that is an email would be ambiguous.
    const asUsername = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({ username: 'owner@example.org' }),
    });
    expect(asUsername.statusCode).toBe(422);
    expect(asUsername.json().errors[0].source.pointer).toBe('/data/attributes/username');
    const asEmail = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: createBody({ email: 'LEGACY@example.org' }),
    });
    expect(asEmail.statusCode).toBe(409);
    expect(asEmail.json().errors[0]).toMatchObject({
      code: 'email_taken',
      source: { pointer: '/data/attributes/email' },
    });
  });

  describe('PATCH /api/users/{id} (administrator part: enabled, roles)', () => {
    const patch = (id: string, data: Record<string, unknown>) => ({
      method: 'PATCH' as const,
      url: `/api/users/${id}`,
      payload: { data: { type: 'users', id, ...data } },
    });

    it('disables a user: their open session is signed out at once; enabling lets them back in', async () => {
      const admin = await buildAdmin(t);
      const member = await buildUser(t, { organization: admin.organization });
      const memberBrowser = await signIn(t.app, member.username, TEST_PASSWORD);
      const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
      const disabled = await browser.request(patch(member.id, { attributes: { enabled: false } }));
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json().data.attributes).toMatchObject({ enabled: false, status: 'disabled' });
      expect((await memberBrowser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: { 'content-type': JSONAPI },
        payload: {
          data: { type: 'sessions', attributes: { login: member.username, password: TEST_PASSWORD } },
        },
      });
      expect(again.json().errors[0].code).toBe('account_disabled');

      const enabled = await browser.request(patch(member.id, { attributes: { enabled: true } }));
      expect(enabled.json().data.attributes.enabled).toBe(true);
      await signIn(t.app, member.username, TEST_PASSWORD);
    });

    it('changes roles (effective on the next request) and refuses self-disable and foreign users', async () => {
      const admin = await buildAdmin(t);
      const member = await buildUser(t, { organization: admin.organization, roles: ['User'] });
      const memberBrowser = await signIn(t.app, member.username, TEST_PASSWORD);
      expect((await memberBrowser.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(403);
      const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
      const managerRole = admin.organization.roleIds.Manager as string;
      const changed = await browser.request(
        patch(member.id, { relationships: { roles: { data: [{ type: 'roles', id: managerRole }] } } }),
      );
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await memberBrowser.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(200);

      const self = await browser.request(patch(admin.id, { attributes: { enabled: false } }));
      expect(self.statusCode).toBe(422);
      expect(self.json().errors[0].source.pointer).toBe('/data/attributes/enabled');

      const stranger = await buildUser(t);
      const foreign = await browser.request(patch(stranger.id, { attributes: { enabled: false } }));
      expect(foreign.statusCode).toBe(404);
      const row = await t.deps.db
        .selectFrom('users')
        .select('status')
        .where('id', '=', stranger.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('active');

      // Without users.disable: 403.
      const plain = await buildUser(t, { organization: admin.organization, roles: ['User'] });
      const plainBrowser = await signIn(t.app, plain.username, TEST_PASSWORD);
      const denied = await plainBrowser.request(patch(member.id, { attributes: { enabled: false } }));
      expect(denied.statusCode).toBe(403);
    });
  });
});
