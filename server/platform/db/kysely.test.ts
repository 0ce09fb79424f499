import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../tests/helpers/database';
import { newId } from '../ids';
import { openDatabase } from './kysely';
import { preparedQuery } from './prepared';
import type { DB } from './schema';

/** A role's name, flag and change count, through preparedQuery (inside a transaction: on its connection). */
const findRole = preparedQuery(['id'], (db, p) =>
  db.selectFrom('roles').select(['name', 'isSystem', 'updatedAt']).where('id', '=', p.id),
);
const renameRole = preparedQuery(['id', 'name'], (db, p) =>
  db.updateTable('roles').set({ name: p.name }).where('id', '=', p.id),
);

const now = '2026-11-28T09:15:00.000Z';
/** A test of PostgreSQL's connections alone: none on SQLite (no skipped test left in its run). */
const itOnPostgres = testDatabaseKind() === 'postgres' ? it : () => undefined;

/** A new organization with one role: the role's id. */
async function insertRole(
  db: Kysely<DB>,
  organization: string,
  role: { name: string; permissions: string[]; isSystem: boolean },
): Promise<{ organizationId: string; roleId: string }> {
  const organizationId = newId();
  const roleId = newId();
  await db
    .insertInto('organizations')
    .values({
      id: organizationId,
      name: organization,
      nameNormalized: organization.toLowerCase(),
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('roles')
    .values({
      id: roleId,
      organizationId,
      name: role.name,
      permissions: JSON.stringify(role.permissions),
      isSystem: role.isSystem,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { organizationId, roleId };
}

describe('database conventions (same on SQLite and PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('round-trips timestamps as fixed-width ISO strings and booleans as booleans', async () => {
    const { db } = database;
    const { organizationId: orgId } = await insertRole(db, 'Acme', {
      name: 'X',
      permissions: ['users.view'],
      isSystem: true,
    });
    const role = await db
      .selectFrom('roles')
      .select(['isSystem', 'createdAt', 'permissions'])
      .where('organizationId', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(role.isSystem).toBe(true);
    expect(role.createdAt).toBe(now);
    expect(JSON.parse(role.permissions)).toEqual(['users.view']);
    const filtered = await db
      .selectFrom('roles')
      .select('name')
      .where('isSystem', '=', false)
      .where('createdAt', '<', '2027-01-01T00:00:00.000Z')
      .execute();
    expect(filtered).toEqual([]);
  });

  it('returns counts as numbers', async () => {
    const { count } = await database.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });

  it('runs prepared statements inside a transaction on its connection: its own writes, shaped as Kysely shapes rows, undone with it', async () => {
    const { db } = database;
    const { roleId } = await insertRole(db, 'Rollback Inc', {
      name: 'Before',
      permissions: [],
      isSystem: true,
    });
    const seen = await db
      .transaction()
      .execute(async (trx) => {
        const renamed = await renameRole(trx, { id: roleId, name: 'Inside' });
        const missing = await renameRole(trx, { id: newId(), name: 'Nobody' });
        const { rows } = await findRole(trx, { id: roleId });
        const viaKysely = await trx
          .selectFrom('roles')
          .select(['name', 'isSystem', 'updatedAt'])
          .where('id', '=', roleId)
          .execute();
        throw Object.assign(new Error('roll back'), {
          seen: { renamed: renamed.numAffectedRows, missing: missing.numAffectedRows, rows, viaKysely },
        });
      })
      .catch((error: { seen?: unknown }) => error.seen);
    expect(seen).toEqual({
      renamed: 1n,
      missing: 0n,
      rows: [{ name: 'Inside', isSystem: true, updatedAt: now }],
      viaKysely: [{ name: 'Inside', isSystem: true, updatedAt: now }],
    });
    expect((await findRole(db, { id: roleId })).rows).toEqual([
      { name: 'Before', isSystem: true, updatedAt: now },
    ]);
  });

  it('runs a prepared write within a transaction as the writing connection does best: on PostgreSQL as a named statement, on SQLite with its journals in memory', async () => {
    const { db } = database;
    const { roleId } = await insertRole(db, 'Named Inc', { name: 'A', permissions: [], isSystem: false });
    const seen = await db.transaction().execute(async (trx) => {
      // Twice: the second run of a named statement binds it without parsing it again.
      const first = await renameRole(trx, { id: roleId, name: 'B' });
      const second = await renameRole(trx, { id: roleId, name: 'C' });
      if (database.dialect === 'postgres') {
        const { rows } = await sql<{ statement: string }>`
          select statement from pg_prepared_statements where name like 'atrium%'`.execute(trx);
        return {
          changed: [first.numAffectedRows, second.numAffectedRows],
          setting: rows.map((row) => row.statement),
        };
      }
      // The statement journal and savepoints' sub-journals: a temporary file past 64 KiB otherwise.
      const { rows } = await sql<{ tempStore: number }>`pragma temp_store`.execute(trx);
      return {
        changed: [first.numAffectedRows, second.numAffectedRows],
        setting: rows.map((row) => row.tempStore),
      };
    });
    expect(seen.changed).toEqual([1n, 1n]);
    if (database.dialect === 'postgres') {
      expect(seen.setting).toContainEqual(
        expect.stringMatching(/^update "roles" set "name" = \$1 where "id" = \$2$/),
      );
    } else {
      expect(seen.setting).toEqual([2]);
    }
    expect((await findRole(db, { id: roleId })).rows).toEqual([
      { name: 'C', isSystem: false, updatedAt: now },
    ]);
  });
});

describe('timestamps (same on SQLite and PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('reads back every instant a client may send (years 0100–9999) to the millisecond, whatever the session time zone', async () => {
    const { db } = database;
    const instants = [
      '0100-01-01T00:00:00.000Z',
      '0999-03-01T10:00:00.123Z',
      '1890-06-15T12:00:00.007Z', // Amsterdam's local mean time then: +00:19:32
      '1969-12-31T23:59:59.999Z',
      '9999-12-31T23:59:59.999Z',
    ];
    const ids: string[] = [];
    for (const instant of instants) {
      const { roleId } = await insertRole(db, `Acme ${instant}`, {
        name: 'X',
        permissions: [],
        isSystem: false,
      });
      await db.updateTable('roles').set({ createdAt: instant }).where('id', '=', roleId).execute();
      ids.push(roleId);
    }
    const read = async (trx: Kysely<DB>) =>
      Promise.all(
        ids.map(async (id) => {
          const row = await trx
            .selectFrom('roles')
            .select('createdAt')
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          return row.createdAt;
        }),
      );
    expect(await read(db)).toEqual(instants);
    if (database.dialect === 'postgres') {
      // Every connection runs in UTC with ISO dates...
      const settings = await sql<{
        timeZone: string;
        dateStyle: string;
      }>`select current_setting('TimeZone') as "timeZone", current_setting('DateStyle') as "dateStyle"`.execute(
        db,
      );
      expect(settings.rows[0]).toEqual({ timeZone: 'UTC', dateStyle: expect.stringMatching(/^ISO,/) });
      // ...and a session in another zone (offsets of hours, minutes and seconds) reads the same instants.
      await db.transaction().execute(async (trx) => {
        await sql`set local TimeZone = 'Europe/Amsterdam'`.execute(trx);
        expect(await read(trx)).toEqual(instants);
        await sql`set local TimeZone = 'America/St_Johns'`.execute(trx);
        expect(await read(trx)).toEqual(instants);
      });
    }
  });

  itOnPostgres(
    'keeps the options a PostgreSQL URL gives, with its own session settings after them',
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      url.searchParams.set(
        'options',
        '-c statement_timeout=4321 -c TimeZone=Asia/Kolkata -c DateStyle=SQL,DMY',
      );
      const other = openDatabase(
        { database: { kind: 'postgres', url: url.toString() } },
        { schema: database.schema as string },
      );
      try {
        const { rows } = await sql<
          Record<string, string>
        >`select current_setting('statement_timeout') as "timeout",
          current_setting('TimeZone') as "timeZone", current_setting('DateStyle') as "dateStyle",
          current_setting('search_path') as "searchPath", now() as "now"`.execute(other.db);
        expect(rows[0]).toMatchObject({
          timeout: '4321ms',
          timeZone: 'UTC',
          dateStyle: expect.stringMatching(/^ISO,/),
          searchPath: database.schema,
          now: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        });
      } finally {
        await other.close();
      }
    },
  );
});
