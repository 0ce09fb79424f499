import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../common/login-keys';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database';
import { up } from '../../platform/db/migrations/0007-identities';
import { newId } from '../../platform/ids';
import { usernameKey } from './identities';

/**
 * Migration 0007-identities on data written before it: the table is dropped and rows are written
 * as the older code wrote them (email_normalized only lower-cased, look-alike usernames side by
 * side), then the migration runs again.
 */
describe('migration 0007-identities backfills existing rows', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('claims the oldest owner of each key, re-keys IDNA domains, and leaves clashing rows working', async () => {
    const { db } = database;
    await db.schema.dropTable('identities').execute();
    const organizationId = newId();
    await db
      .insertInto('organizations')
      .values({
        id: organizationId,
        name: 'Legacy',
        nameNormalized: 'legacy',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      })
      .execute();
    const user = (id: string, username: string, email: string, createdAt: string) => ({
      id,
      username,
      usernameNormalized: username.toLowerCase(),
      email,
      emailNormalized: email.toLowerCase(),
      firstName: 'Old',
      lastName: 'Row',
      namePrefix: null,
      middleName: null,
      nameSuffix: null,
      birthday: null,
      phone: null,
      status: 'active' as const,
      passwordHash: null,
      passwordChangedAt: null,
      mustChangePassword: false,
      lockedUntil: null,
      lastSignInAt: null,
      lastOrganizationId: organizationId,
      locale: null,
      timezone: null,
      createdAt,
      updatedAt: createdAt,
    });
    const [dana, lookAlike, lena, lenaAgain] = [newId(), newId(), newId(), newId()];
    await db
      .insertInto('users')
      .values([
        user(dana, 'dana', 'dana@example.test', '2025-01-01T00:00:00.000Z'),
        user(lookAlike, 'dana\u200b', 'other@example.test', '2025-01-02T00:00:00.000Z'),
        user(lena, 'lena', 'lena@bücher.example', '2025-01-03T00:00:00.000Z'),
        user(lenaAgain, 'lena2', 'lena@xn--bcher-kva.example', '2025-01-04T00:00:00.000Z'),
      ])
      .execute();
    await db
      .insertInto('userEmails')
      .values({
        id: newId(),
        userId: dana,
        email: 'Dana@Straße.example',
        emailNormalized: 'dana@straße.example',
        verifiedAt: null,
        position: 0,
        createdAt: '2025-01-05T00:00:00.000Z',
      })
      .execute();

    await up(db);

    const identities = await db
      .selectFrom('identities')
      .select(['key', 'kind', 'userId'])
      .orderBy('key')
      .execute();
    expect(identities).toEqual(
      [
        { key: usernameKey('dana'), kind: 'username', userId: dana },
        { key: 'dana@example.test', kind: 'email', userId: dana },
        { key: 'dana@xn--strae-oqa.example', kind: 'email', userId: dana },
        { key: 'other@example.test', kind: 'email', userId: lookAlike },
        { key: usernameKey('lena'), kind: 'username', userId: lena },
        { key: 'lena@xn--bcher-kva.example', kind: 'email', userId: lena },
        { key: usernameKey('lena2'), kind: 'username', userId: lenaAgain },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    const keys = await db.selectFrom('users').select(['id', 'emailNormalized']).execute();
    const keyOf = new Map(keys.map((row) => [row.id, row.emailNormalized]));
    // Two rows that the new key makes one address: the row that already had the key keeps it,
    // the other keeps its old key (no row breaks); the older user holds the identity, so no
    // third user can take the address in either form.
    expect(keyOf.get(lena)).toBe('lena@bücher.example');
    expect(keyOf.get(lenaAgain)).toBe(normalizeEmail('lena@bücher.example'));
    // An address whose key changes without a clash is re-keyed.
    expect(keyOf.get(dana)).toBe('dana@example.test');
    const additional = await db.selectFrom('userEmails').select('emailNormalized').executeTakeFirstOrThrow();
    expect(additional.emailNormalized).toBe('dana@xn--strae-oqa.example');
  });
});
