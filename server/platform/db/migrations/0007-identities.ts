import { normalizeEmail } from '../../../../common/login-keys';
import { usernameKey } from '../../../features/users/identities';
import type { MigrationDb } from '../columns';

/**
 * One table of identity keys with one unique index (server/features/users/identities.ts), so a
 * username and every email address — primary or additional — are unique across tables under
 * concurrency. Also re-keys stored addresses: the domain part of `email_normalized` becomes its
 * IDNA (UTS #46) ASCII form.
 *
 * Existing rows are backfilled oldest first. Rows older than these rules may clash (two addresses
 * that differ only by the form of their domain, two usernames that look the same): the older one
 * keeps the key, the newer keeps its old `email_normalized` and holds no identity row for that
 * key — it keeps working, and its owner is refused the clash on the next change of it.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('identities')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('identities_user_id').on('identities').column('user_id').execute();

  // The database's CamelCasePlugin maps these names to snake_case columns and back.
  const users: { id: string; username: string; email: string; emailNormalized: string }[] = await db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'emailNormalized'])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const additional: { id: string; userId: string; email: string; emailNormalized: string }[] = await db
    .selectFrom('userEmails')
    .select(['id', 'userId', 'email', 'emailNormalized'])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

  await rekeyEmails(db, 'users', users);
  await rekeyEmails(db, 'userEmails', additional);

  const rows: { key: string; kind: string; userId: string }[] = [];
  const seen = new Set<string>();
  const add = (key: string, kind: string, userId: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ key, kind, userId });
  };
  for (const user of users) add(usernameKey(user.username), 'username', user.id);
  for (const user of users) add(normalizeEmail(user.email), 'email', user.id);
  for (const row of additional) add(normalizeEmail(row.email), 'email', row.userId);
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('identities')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}

/** Sets `emailNormalized` to the new key where it changes and no other row of the table has it. */
async function rekeyEmails(
  db: MigrationDb,
  table: 'users' | 'userEmails',
  rows: { id: string; email: string; emailNormalized: string }[],
): Promise<void> {
  const taken = new Set(rows.map((row) => row.emailNormalized));
  for (const row of rows) {
    const key = normalizeEmail(row.email);
    if (key === row.emailNormalized || taken.has(key)) continue;
    taken.delete(row.emailNormalized);
    taken.add(key);
    await db.updateTable(table).set({ emailNormalized: key }).where('id', '=', row.id).execute();
  }
}
