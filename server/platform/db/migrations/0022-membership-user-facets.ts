import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * Counts of the users grid filtered by status or creation date from one index (issue 18,
 * `X-Include: totalCount`): each membership carries a copy of its user's `status` and
 * `created_at` (`user_status`, `user_created_at`), kept by triggers whatever code writes, and
 * (organization_id, user_status) and (organization_id, user_created_at) index them. Without the
 * copy, counting the active members of an organization of 100,000 joined every membership to its
 * user: 100,000 lookups, where an index range counts them. The copies are read by counts only;
 * the users table stays the source of truth.
 * - A new membership takes its user's values (PostgreSQL: before the insert; SQLite, whose
 *   triggers cannot change the row being inserted: right after it, in the same statement).
 * - A change of a user's status updates their memberships (`created_at` never changes).
 */
export async function up(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .alterTable('memberships')
    .addColumn('user_status', 'text', (col) => col.notNull().defaultTo('active'))
    .execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('user_created_at', pg ? 'timestamptz' : 'text', (col) =>
      pg ? col.notNull().defaultTo(sql`'epoch'`) : col.notNull().defaultTo(''),
    )
    .execute();
  await sql`update memberships set
      user_status = (select status from users where users.id = memberships.user_id),
      user_created_at = (select created_at from users where users.id = memberships.user_id)`.execute(db);
  if (pg) {
    // search_path pinned at creation: the function reads the users of its own schema.
    await sql`
      CREATE FUNCTION atrium_membership_user_facets() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        SELECT status, created_at INTO NEW.user_status, NEW.user_created_at FROM users WHERE id = NEW.user_id;
        RETURN NEW;
      END
      $$`.execute(db);
    await sql`CREATE TRIGGER memberships_user_facets BEFORE INSERT OR UPDATE OF user_id ON memberships
      FOR EACH ROW EXECUTE FUNCTION atrium_membership_user_facets()`.execute(db);
    await sql`
      CREATE FUNCTION atrium_user_status_to_memberships() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE memberships SET user_status = NEW.status WHERE user_id = NEW.id AND user_status <> NEW.status;
        RETURN NULL;
      END
      $$`.execute(db);
    await sql`CREATE TRIGGER users_status_to_memberships AFTER UPDATE OF status ON users
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION atrium_user_status_to_memberships()`.execute(db);
  } else {
    await sql`CREATE TRIGGER memberships_user_facets AFTER INSERT ON memberships BEGIN
        UPDATE memberships SET
          user_status = (SELECT status FROM users WHERE id = NEW.user_id),
          user_created_at = (SELECT created_at FROM users WHERE id = NEW.user_id)
        WHERE id = NEW.id;
      END`.execute(db);
    await sql`CREATE TRIGGER memberships_user_facets_moved AFTER UPDATE OF user_id ON memberships BEGIN
        UPDATE memberships SET
          user_status = (SELECT status FROM users WHERE id = NEW.user_id),
          user_created_at = (SELECT created_at FROM users WHERE id = NEW.user_id)
        WHERE id = NEW.id;
      END`.execute(db);
    await sql`CREATE TRIGGER users_status_to_memberships AFTER UPDATE OF status ON users
        WHEN OLD.status IS NOT NEW.status BEGIN
        UPDATE memberships SET user_status = NEW.status WHERE user_id = NEW.id;
      END`.execute(db);
  }
  await db.schema
    .createIndex('memberships_organization_user_status')
    .on('memberships')
    .columns(['organization_id', 'user_status'])
    .execute();
  await db.schema
    .createIndex('memberships_organization_user_created')
    .on('memberships')
    .columns(['organization_id', 'user_created_at'])
    .execute();
}
