import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStatementCount } from '../../server/platform/db/kysely';
import { createTestApp, JSONAPI, signIn, type TestApp, withApiKey } from '../helpers/app';
import { buildAdmin, buildMember, buildOrganization, buildUser, TEST_PASSWORD } from '../helpers/factories';
import { giveApiKey } from '../helpers/scenarios';
import { cacheListening } from '../helpers/second-instance';

/**
 * Several processes may serve one database (DESIGN §1), and on SQLite the hot reads are kept in
 * memory until the database changes (platform/db/sqlite-reader.ts). A change committed by another
 * process — a revoked key, a disabled user, a removed role, a new name — must apply to this
 * process's very next request, never after some delay. The other process here is a real one: a
 * `node` child that writes with its own connection (better-sqlite3 or pg).
 */
describe('writes of another process apply on the next request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs one statement (`?` placeholders) in a separate Node process on the same database. */
  function writeFromAnotherProcess(sql: string, parameters: readonly string[]): void {
    const database = t.config.database;
    const script =
      database.kind === 'sqlite'
        ? `import Database from 'better-sqlite3';
           const db = new Database(process.env.TARGET, { fileMustExist: true });
           const info = db.prepare(process.env.SQL).run(...JSON.parse(process.env.PARAMS));
           if (info.changes < 1) throw new Error('nothing changed');
           db.close();`
        : `import pg from 'pg';
           const client = new pg.Client({ connectionString: process.env.TARGET, options: '-c search_path=' + process.env.SCHEMA });
           await client.connect();
           let n = 0;
           const result = await client.query(process.env.SQL.replace(/\\?/g, () => '$' + ++n), JSON.parse(process.env.PARAMS));
           if (result.rowCount < 1) throw new Error('nothing changed');
           await client.end();`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        TARGET: database.kind === 'sqlite' ? database.file : database.url,
        SCHEMA: t.database.schema ?? '',
        SQL: sql,
        PARAMS: JSON.stringify(parameters),
      },
      stdio: 'pipe',
    });
  }

  /** How many `profile.updated` audit rows a user has. */
  async function profileUpdatesOf(userId: string): Promise<number> {
    const rows = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .where('subjectUserId', '=', userId)
      .where('action', '=', 'profile.updated')
      .execute();
    return rows.length;
  }

  async function userWithKey() {
    const user = { ...(await buildUser(t, { firstName: 'Original' })), firstName: 'Original' };
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const generated = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    expect(generated.statusCode).toBe(201);
    const call = withApiKey(t.app, generated.json().data.attributes.key);
    // Read twice, so that whatever this process keeps in memory is warm.
    for (let i = 0; i < 2; i++) {
      expect((await call({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(200);
    }
    return { user, browser, call };
  }

  it('refuses a key another process revoked', async () => {
    const { user, call } = await userWithKey();
    writeFromAnotherProcess('DELETE FROM api_keys WHERE user_id = ?', [user.id]);
    const response = await call({ method: 'GET', url: '/api/userprofile' });
    expect(response.statusCode).toBe(401);
  });

  it('refuses the key and the session of a user another process disabled', async () => {
    const { user, browser, call } = await userWithKey();
    expect((await browser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(200);
    writeFromAnotherProcess("UPDATE users SET status = 'disabled' WHERE id = ?", [user.id]);
    expect((await call({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
    expect((await browser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
  });

  it('applies a role another process took away', async () => {
    const { user, call } = await userWithKey();
    const before = await call({ method: 'GET', url: '/api/userprofile' });
    expect(before.json().data.meta.permissions).toContain('update_own_profile');
    writeFromAnotherProcess(
      'DELETE FROM membership_roles WHERE membership_id IN (SELECT id FROM memberships WHERE user_id = ?)',
      [user.id],
    );
    const after = await call({ method: 'GET', url: '/api/userprofile' });
    expect(after.statusCode).toBe(200);
    expect(after.json().data.meta.permissions).toEqual([]);
    expect(after.json().data.relationships.roles.data).toEqual([]);
    const edit = await call({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { data: { type: 'users', id: user.id, attributes: { firstName: 'Nope' } } },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('shows a profile another process changed', async () => {
    const { user, call } = await userWithKey();
    writeFromAnotherProcess('UPDATE users SET first_name = ? WHERE id = ?', ['Renamed', user.id]);
    const response = await call({ method: 'GET', url: '/api/userprofile' });
    expect(response.json().data.attributes.firstName).toBe('Renamed');
  });

  it('plans a profile change on the row another process changed, even without a new version', async () => {
    const { user, call } = await userWithKey();
    const patch = (attributes: Record<string, unknown>) =>
      call({
        method: 'PATCH',
        url: '/api/users/me',
        headers: { 'content-type': JSONAPI },
        payload: { data: { type: 'users', attributes } },
      });
    const profileUpdates = () => profileUpdatesOf(user.id);
    // This process's write: what it left is where a next write of this process may start from.
    expect((await patch({ firstName: 'Kept' })).statusCode).toBe(200);
    // Another process changes the row without a new version (as an administrator's SQL may).
    writeFromAnotherProcess('UPDATE users SET locale = ? WHERE id = ?', ['de-DE', user.id]);
    const phone = await patch({ phone: '030 12345678' });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(phone.json().data.attributes.phone).toBe('+493012345678');
    const written = await profileUpdates();

    writeFromAnotherProcess('UPDATE users SET first_name = ? WHERE id = ?', ['Renamed', user.id]);
    const same = await patch({ firstName: 'Renamed' });
    expect(same.statusCode, same.body).toBe(200);
    // Nothing to change: nothing written, the version and the audit log as they were.
    expect(same.headers.etag).toBe(phone.headers.etag);
    expect(await profileUpdates()).toBe(written);

    writeFromAnotherProcess('UPDATE users SET middle_name = ? WHERE id = ?', ['Between', user.id]);
    const next = await patch({ lastName: 'Next' });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().data.attributes).toMatchObject({
      firstName: 'Renamed',
      middleName: 'Between',
      lastName: 'Next',
      phone: '+493012345678',
    });
    expect(await profileUpdates()).toBe(written + 1);
    // Nothing of this process's is kept stale: the row, as the database holds it, is the answer's.
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ firstName: 'Renamed', middleName: 'Between', lastName: 'Next' });
  });

  it('a write planned on a kept row honours If-Match and the membership as the database holds them', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildMember(t, organization);
    const call = withApiKey(t.app, await giveApiKey(t, admin));
    const patch = (attributes: Record<string, unknown>, ifMatch?: string) =>
      call({
        method: 'PATCH',
        url: `/api/users/${member.id}`,
        headers: { 'content-type': JSONAPI, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        payload: { data: { type: 'users', id: member.id, attributes } },
      });
    const profileUpdates = () => profileUpdatesOf(member.id);

    // PostgreSQL keeps the key's lookup only while its cache listens (it opens on first use).
    await cacheListening(t.deps.db);
    expect((await patch({ middleName: 'Zero' })).statusCode).toBe(200);
    const first = await patch({ middleName: 'One' });
    expect(first.statusCode, first.body).toBe(200);
    const statements = postgresStatementCount(t.deps.db);
    const second = await patch({ middleName: 'Two' }, first.headers.etag as string);
    expect(second.statusCode, second.body).toBe(200);
    // PostgreSQL: whether the member is an instance administrator (whom an administrator may not
    // manage), then the change, planned on the row the first write left, written and read back in
    // one statement.
    if (statements !== undefined) expect(postgresStatementCount(t.deps.db)).toBe(statements + 2);

    // Another process changes the row without a new version: a version no longer current still
    // answers 412 (nothing written), the current one 200, planned on the row as it is now.
    writeFromAnotherProcess('UPDATE users SET last_name = ? WHERE id = ?', ['Elsewhere', member.id]);
    const written = await profileUpdates();
    const stale = await patch({ middleName: 'Stale' }, first.headers.etag as string);
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json().errors[0]).toMatchObject({ code: 'stale_record', source: { header: 'If-Match' } });
    const current = await patch({ middleName: 'Three' }, second.headers.etag as string);
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json().data.attributes).toMatchObject({ middleName: 'Three', lastName: 'Elsewhere' });
    expect(await profileUpdates()).toBe(written + 1);

    // Another process takes the user out of the organization: not found, nothing written.
    writeFromAnotherProcess('DELETE FROM memberships WHERE user_id = ? AND organization_id = ?', [
      member.id,
      organization.id,
    ]);
    const gone = await patch({ middleName: 'Four' });
    expect(gone.statusCode, gone.body).toBe(404);
    expect(await profileUpdates()).toBe(written + 1);
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.middleName).toBe('Three');
  });

  it('does not see what another connection has not committed yet', async () => {
    const { user, call } = await userWithKey();
    // This process's own connection, in a transaction left open while a request is answered.
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ firstName: 'Uncommitted' }).where('id', '=', user.id).execute();
        const during = await call({ method: 'GET', url: '/api/userprofile' });
        expect(during.statusCode).toBe(200);
        expect(during.json().data.attributes.firstName).toBe(user.firstName);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    const after = await call({ method: 'GET', url: '/api/userprofile' });
    expect(after.json().data.attributes.firstName).toBe(user.firstName);
  });
});
