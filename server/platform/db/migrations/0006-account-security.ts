import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * Account security (issue 12, items 2 and 3):
 * - `users.status_before_disable`: what enabling restores (a pending `reset` stays `reset`).
 *   Users disabled before this migration get `reset` when they have no password (an
 *   administrator's reset was pending), else `active`.
 * - `users.is_instance_administrator`: system-wide settings and other instance-wide powers belong
 *   to instance administrators, never to a role inside an organization. Existing installations:
 *   the holders of `system.settings` through a role of the FIRST organization (the one the first
 *   start created, where the first administrator lives) who are not disabled become instance
 *   administrators; if there are none, the oldest user who is not disabled. Then
 *   `system.settings` is taken out of every role (an organization's Administrator no longer
 *   holds it).
 */
export async function up(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.alterTable('users').addColumn('status_before_disable', 'text').execute();
  await db
    .updateTable('users')
    .set({ statusBeforeDisable: sql`CASE WHEN password_hash IS NULL THEN 'reset' ELSE 'active' END` })
    .where('status', '=', 'disabled')
    .execute();

  // The same definition as columnHelpers' booleans (which only build new tables).
  await db.schema
    .alterTable('users')
    .addColumn('is_instance_administrator', pg ? 'boolean' : 'integer', (col) =>
      col.notNull().defaultTo(pg ? false : 0),
    )
    .execute();
  const yes = pg ? true : 1;

  const first = await db
    .selectFrom('organizations')
    .select('id')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const roles = await db.selectFrom('roles').select(['id', 'organizationId', 'permissions']).execute();
  const permissionsOf = (value: unknown): string[] => {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  };
  const systemRoleIds = roles
    .filter(
      (role) =>
        role.organizationId === first?.id && permissionsOf(role.permissions).includes('system.settings'),
    )
    .map((role) => role.id as string);
  if (systemRoleIds.length > 0) {
    const holders = await db
      .selectFrom('memberships')
      .innerJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select('users.id')
      .where('membershipRoles.roleId', 'in', systemRoleIds)
      .where('users.status', '!=', 'disabled')
      .execute();
    const ids = [...new Set(holders.map((row) => row.id as string))];
    if (ids.length > 0) {
      await db.updateTable('users').set({ isInstanceAdministrator: yes }).where('id', 'in', ids).execute();
    }
  }
  const appointed = await db
    .selectFrom('users')
    .select('id')
    .where('isInstanceAdministrator', '=', yes)
    .limit(1)
    .executeTakeFirst();
  if (!appointed) {
    const oldest = await db
      .selectFrom('users')
      .select('id')
      .where('status', '!=', 'disabled')
      .orderBy('createdAt')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (oldest) {
      await db
        .updateTable('users')
        .set({ isInstanceAdministrator: yes })
        .where('id', '=', oldest.id)
        .execute();
    }
  }

  for (const role of roles) {
    const permissions = permissionsOf(role.permissions);
    if (!permissions.includes('system.settings')) continue;
    const kept = JSON.stringify(permissions.filter((name) => name !== 'system.settings'));
    await db
      .updateTable('roles')
      .set({ permissions: pg ? sql`${kept}::jsonb` : kept })
      .where('id', '=', role.id)
      .execute();
  }
}
