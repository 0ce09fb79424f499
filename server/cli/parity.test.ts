import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../tests/helpers/factories';
import { writeSetting } from '../platform/settings';
import { runCli } from './index';

/**
 * Issue 11 item 1: the CLI and the API go through the same services, so the same inputs get the
 * same refusals (same messages, for the same field) and the same results — the API as an
 * administrator of an organization, `npx atrium` as the system actor in that organization.
 */
describe('CLI and API parity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The owner of the login the refusals below collide with.
    await buildUser(t, { username: 'taken', email: 'taken@example.org' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function cli(argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => stdin },
      {
        env: { DATA_DIR: t.database.dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: t.config.publicUrl },
        database: t.database,
        clock: t.clock,
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  type NewUser = { username: string; email: string; firstName: string; lastName: string; password: string };

  /** The same user through both doors: the API's answer and the CLI's, side by side. */
  async function createBoth(
    admin: Awaited<ReturnType<typeof buildAdmin>>,
    input: NewUser,
  ): Promise<{
    api: { status: number; errors: { code: string; detail: string; field: string }[] };
    cli: { code: number; err: string };
  }> {
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        data: {
          type: 'users',
          attributes: { ...input, mustChangePassword: false },
          relationships: { roles: { data: [{ type: 'roles', id: admin.organization.roleIds.User }] } },
        },
      },
    });
    const errors = (response.json().errors ?? []).map(
      (error: { code: string; detail: string; source?: { pointer?: string } }) => ({
        code: error.code,
        detail: error.detail,
        field: error.source?.pointer?.split('/').pop() ?? '',
      }),
    );
    const result = await cli(
      [
        'user:create',
        '--username',
        input.username,
        '--email',
        input.email,
        '--first-name',
        input.firstName,
        '--last-name',
        input.lastName,
        '--organization',
        admin.organization.name,
        '--role',
        'User',
        '--password-stdin',
      ],
      `${input.password}\n`,
    );
    return { api: { status: response.statusCode, errors }, cli: { code: result.code, err: result.err } };
  }

  const cliOption: Record<string, string> = {
    username: '--username',
    email: '--email',
    firstName: '--first-name',
    lastName: '--last-name',
  };

  it.each([
    ['a username containing "@"', { username: 'ann@example.org' }],
    ["a username equal to another user's email", { username: 'taken@example.org' }],
    ["an email another user's primary email", { email: 'taken@example.org' }],
    ['a username another user has (other case)', { username: 'TAKEN' }],
    ['an empty last name', { lastName: '' }],
    ['a username with a line break', { username: 'line\nbreak' }],
  ])('refuses %s the same way', async (_name, change) => {
    const admin = await buildAdmin(t);
    const input = {
      username: `parity_${Math.random().toString(36).slice(2, 8)}`,
      email: `parity_${Math.random().toString(36).slice(2, 8)}@example.org`,
      firstName: 'Pat',
      lastName: 'Parity',
      password: 'an unusual passphrase of some length',
      ...change,
    };
    const both = await createBoth(admin, input);
    expect(both.api.status).toBeGreaterThanOrEqual(400);
    expect(both.api.status).toBeLessThan(500);
    expect(both.cli.code).toBe(1);
    // Every refusal of the API, worded the same and naming the same field, is in the CLI's answer.
    expect(both.api.errors.length).toBeGreaterThan(0);
    for (const error of both.api.errors) {
      expect(both.cli.err).toContain(`${cliOption[error.field] ?? error.field}: ${error.detail}`);
    }
    expect(
      await t.deps.db.selectFrom('users').select('id').where('username', '=', input.username).execute(),
    ).toEqual([]);
  });

  it('refuses a weak password with the same rules', async () => {
    const admin = await buildAdmin(t);
    const both = await createBoth(admin, {
      username: 'weakling',
      email: 'weakling@example.org',
      firstName: 'Weak',
      lastName: 'Ling',
      password: 'weakling123',
    });
    expect(both.api.status).toBe(422);
    expect(both.cli.err).toMatch(/^The password is not accepted:/);
    for (const error of both.api.errors) expect(both.cli.err).toContain(`  - ${error.detail}`);
  });

  it('creates the same user, audited as the system actor', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const api = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        data: {
          type: 'users',
          attributes: {
            username: 'via_api',
            email: 'via_api@example.org',
            firstName: 'Api',
            lastName: 'Made',
            password: 'an unusual passphrase of some length',
            mustChangePassword: true,
          },
          relationships: { roles: { data: [{ type: 'roles', id: admin.organization.roleIds.User }] } },
        },
      },
    });
    expect(api.statusCode).toBe(201);
    const cliResult = await cli(
      [
        'user:create',
        '--username',
        'via_cli',
        '--email',
        'via_cli@example.org',
        '--first-name',
        'Api',
        '--last-name',
        'Made',
        '--organization',
        admin.organization.name,
        '--role',
        'User',
        '--must-change',
        '--password-stdin',
      ],
      'an unusual passphrase of some length\n',
    );
    expect(cliResult.code).toBe(0);
    const rows = await t.deps.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.userId', 'users.id')
      .select([
        'users.id',
        'users.username',
        'users.status',
        'users.mustChangePassword',
        'memberships.organizationId',
      ])
      .where('users.username', 'in', ['via_api', 'via_cli'])
      .orderBy('users.username')
      .execute();
    expect(rows.map(({ id: _id, username: _u, ...rest }) => rest)).toEqual([
      { status: 'active', mustChangePassword: true, organizationId: admin.organizationId },
      { status: 'active', mustChangePassword: true, organizationId: admin.organizationId },
    ]);
    const audits = await t.deps.db
      .selectFrom('auditEvents')
      .select(['subjectUserId', 'actorUserId', 'organizationId', 'details'])
      .where('action', '=', 'user.created')
      .where(
        'subjectUserId',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const byUser = new Map(audits.map((row) => [row.subjectUserId, row]));
    const apiAudit = byUser.get(rows[0]?.id as string);
    const cliAudit = byUser.get(rows[1]?.id as string);
    expect(apiAudit).toMatchObject({ actorUserId: admin.id, organizationId: admin.organizationId });
    expect(cliAudit).toMatchObject({ actorUserId: null, organizationId: admin.organizationId });
    expect(JSON.parse(cliAudit?.details as string)).toMatchObject({ via: 'cli', mustChangePassword: true });
  });

  it("user:set-password uses the organization's locale and password.include_in_email like the API", async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const scope = { organizationId: admin.organizationId };
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'password.include_in_email', true);
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.locale', 'de-DE');
    const newPassword = 'sent in the clear, as asked';
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const api = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: { data: { type: 'password-sets', attributes: { newPassword, mustChange: false } } },
    });
    expect(api.statusCode).toBe(204);
    const cliResult = await cli(
      ['user:set-password', target.username, '--password-stdin'],
      `${newPassword}\n`,
    );
    expect(cliResult.code).toBe(0);
    const mails = await t.deps.db
      .selectFrom('mailOutbox')
      .select(['template', 'subject', 'textBody', 'htmlBody', 'organizationId'])
      .where('toAddress', '=', target.email)
      .orderBy('createdAt')
      .execute();
    expect(mails).toHaveLength(2);
    const [fromApi, fromCli] = mails;
    expect(fromCli).toEqual(fromApi);
    expect(fromCli?.textBody).toContain(newPassword);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['actorUserId', 'details'])
      .where('action', '=', 'password.set_by_admin')
      .where('subjectUserId', '=', target.id)
      .orderBy('occurredAt')
      .execute();
    expect(audit.map((row) => row.actorUserId)).toEqual([admin.id, null]);
    expect(JSON.parse(audit[1]?.details as string)).toMatchObject({ via: 'cli', passwordInEmail: true });
  });
});
