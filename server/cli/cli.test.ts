import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database';
import { insertSession } from '../features/auth/store';
import { insertOrganization } from '../features/organizations/store';
import { manualClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import { createPasswordHasher } from '../platform/hashing';
import { queueMail } from '../platform/mail/outbox';
import { runCli } from './index';

const run = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/atrium.js');

describe('the atrium command line', () => {
  let database: TestDatabase;
  const clock = manualClock();
  const hasher = createPasswordHasher({ concurrency: 1 });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function cli(argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => stdin },
      { env: { DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' }, database, clock },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const config = () => loadConfig({ DATA_DIR: database.dataDir });
  /** --username and the names the API requires with it. */
  const names = (username: string) => [
    '--username',
    username,
    '--first-name',
    username,
    '--last-name',
    'Example',
  ];
  const findUser = (username: string) =>
    database.db
      .selectFrom('users')
      .select(['id', 'email', 'passwordHash', 'mustChangePassword', 'firstName'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  it('prints help, and refuses unknown commands and options with exit status 2', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'user:create', 'user:set-password', 'mail:list', 'mail:retry']) {
      expect(help.out).toContain(`npx atrium ${command}`);
    }
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command'),
    });
    expect(await cli(['mail:list', '--colour'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("'--colour'"),
    });
  });

  it('migrate reports an up-to-date schema', async () => {
    expect(await cli(['migrate'])).toMatchObject({ code: 0, out: 'The database is up to date.' });
  });

  it('user:create creates a user with a password from stdin (never from argv), checked against the policy', async () => {
    const organization = await insertOrganization(database.db, clock, 'Acme');
    const created = await cli(
      [
        'user:create',
        '--username',
        'carol',
        '--email',
        'carol@example.com',
        '--first-name',
        'Carol',
        '--last-name',
        'Jones',
        '--organization',
        'Acme',
        '--role',
        'Manager',
        '--password-stdin',
      ],
      'a long and unusual passphrase 42\n',
    );
    expect(created).toMatchObject({ code: 0, out: expect.stringContaining('Created user carol') });
    expect(created.out).not.toContain('passphrase');
    const user = await findUser('carol');
    expect(await hasher.verify(user.passwordHash as string, 'a long and unusual passphrase 42')).toBe(true);
    const role = await database.db
      .selectFrom('membershipRoles')
      .innerJoin('memberships', 'memberships.id', 'membershipRoles.membershipId')
      .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
      .select(['roles.name', 'memberships.organizationId'])
      .where('memberships.userId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(role).toEqual({ name: 'Manager', organizationId: organization.id });

    const weak = await cli(
      ['user:create', ...names('dave'), '--email', 'dave@example.com', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('The password is not accepted');
    const taken = await cli(['user:create', ...names('CAROL'), '--email', 'other@example.com']);
    expect(taken).toMatchObject({
      code: 1,
      err: '--username: This username is already taken, or looks the same as one that is.',
    });
    const badEmail = await cli([
      'user:create',
      ...names('erin'),
      '--email',
      'erin@example.com\r\nBcc: x@y.z',
    ]);
    expect(badEmail.code).toBe(1);
    expect(
      await database.db.selectFrom('users').select('id').where('username', 'in', ['dave', 'erin']).execute(),
    ).toEqual([]);
  });

  it('user:create without --password-stdin generates a strong password and prints it once', async () => {
    const created = await cli(['user:create', ...names('frank'), '--email', 'frank@example.com']);
    expect(created.code).toBe(0);
    const password = /Password: (\S+)/.exec(created.out)?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await hasher.verify((await findUser('frank')).passwordHash as string, password)).toBe(true);
  });

  it("user:set-password sets the password, ends the user's sessions and emails them (without the password)", async () => {
    await cli(['user:create', ...names('grace'), '--email', 'grace@example.com']);
    const user = await findUser('grace');
    await insertSession(database.db, {
      userId: user.id,
      organizationId: (
        await database.db
          .selectFrom('memberships')
          .select('organizationId')
          .where('userId', '=', user.id)
          .executeTakeFirstOrThrow()
      ).organizationId,
      tokenHash: 'f'.repeat(64),
      createdAt: clock.now().toISOString(),
      lastSeenAt: clock.now().toISOString(),
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      ip: null,
      userAgent: null,
    });
    const result = await cli(
      ['user:set-password', 'GRACE@example.com', '--password-stdin', '--must-change'],
      'another fine passphrase 77\n',
    );
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('their sessions were ended') });
    const after = await findUser('grace');
    expect(await hasher.verify(after.passwordHash as string, 'another fine passphrase 77')).toBe(true);
    expect(after.mustChangePassword).toBe(true);
    expect(
      await database.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute(),
    ).toEqual([]);
    const mail = await database.db
      .selectFrom('mailOutbox')
      .select(['template', 'toAddress', 'textBody'])
      .where('toAddress', '=', 'grace@example.com')
      .executeTakeFirstOrThrow();
    expect(mail.template).toBe('password-changed');
    expect(mail.textBody).not.toContain('another fine passphrase');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectUserId', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('password.set_by_admin');

    expect(await cli(['user:set-password', 'nobody'])).toMatchObject({
      code: 1,
      err: 'There is no user nobody.',
    });
  });

  it('mail:list shows the outbox of every organization; mail:retry requeues a failed message', async () => {
    const org = await insertOrganization(database.db, clock, 'Listing');
    const first = await queueMail(
      database.db,
      { clock, config: config() },
      {
        template: 'generic',
        to: { address: 'listed@example.com' },
        data: { subject: 'Quarterly report', paragraphs: ['Hi'] },
        organizationId: org.id,
      },
    );
    const system = await queueMail(
      database.db,
      { clock, config: config() },
      {
        template: 'generic',
        to: { address: 'system@example.com' },
        data: { subject: 'System note', paragraphs: ['Hi'] },
        organizationId: null,
      },
    );
    await database.db
      .updateTable('mailOutbox')
      .set({ status: 'failed', attempts: 10, lastError: '550 5.1.1 User unknown' })
      .where('id', '=', first.id)
      .execute();

    const listed = await cli(['mail:list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^ID\s+STATUS\s+TRIES/);
    expect(listed.out).toContain(first.id);
    expect(listed.out).toContain(system.id);
    expect(listed.out).toMatch(
      new RegExp(`${first.id}\\s+failed\\s+10 .*listed@example.com.*550 5.1.1 User unknown`),
    );

    const failedOnly = await cli(['mail:list', '--status', 'failed', '--json']);
    const rows = failedOnly.out.split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => row.id)).toEqual([first.id]);
    expect(rows[0]).not.toHaveProperty('textBody');
    expect(await cli(['mail:list', '--status', 'lost'])).toMatchObject({ code: 1 });

    expect(await cli(['mail:retry', system.id])).toMatchObject({
      code: 1,
      err: expect.stringContaining('is queued'),
    });
    expect(await cli(['mail:retry', 'not-an-id'])).toMatchObject({ code: 1 });
    expect(await cli(['mail:retry', '01a2218f-0000-7000-8000-000000000000'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no message'),
    });
    const retried = await cli(['mail:retry', first.id]);
    expect(retried).toMatchObject({ code: 0, out: expect.stringContaining('queued again') });
    const row = await database.db
      .selectFrom('mailOutbox')
      .select(['status', 'attempts'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'queued', attempts: 0 });
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['organizationId', 'actorUserId'])
      .where('action', '=', 'mail.retried')
      .execute();
    expect(audit).toEqual([{ organizationId: org.id, actorUserId: null }]);
  });

  // Two processes through tsx's loader: slow on a busy machine.
  it('bin/atrium.js runs from another working directory, on that directory’s DATA_DIR', {
    timeout: 120_000,
  }, async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-cli-'));
    try {
      const env = { PATH: process.env.PATH ?? '', HOME: cwd, DATA_DIR: 'data' };
      const migrated = await run(process.execPath, [bin, 'migrate'], { cwd, env });
      expect(migrated.stdout).toContain('Applied: 0001-identity');
      expect(fs.existsSync(path.join(cwd, 'data', 'atrium.db'))).toBe(true);
      const listed = await run(process.execPath, [bin, 'mail:list'], { cwd, env });
      expect(listed.stdout.trim()).toBe('No messages.');
      const unknown = run(process.execPath, [bin, 'nope'], { cwd, env });
      await expect(unknown).rejects.toMatchObject({ code: 2 });
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
