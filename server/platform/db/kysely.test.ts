import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database';
import { newId } from '../ids';

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
    const now = '2026-11-28T09:15:00.000Z';
    const orgId = newId();
    await db
      .insertInto('organizations')
      .values({ id: orgId, name: 'Acme', nameNormalized: 'acme', createdAt: now, updatedAt: now })
      .execute();
    await db
      .insertInto('roles')
      .values({
        id: newId(),
        organizationId: orgId,
        name: 'X',
        permissions: '["users.view"]',
        isSystem: true,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
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
});
