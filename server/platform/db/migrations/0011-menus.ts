import { columnHelpers, isPostgres, type MigrationDb } from '../columns';

/**
 * Menu updates (issue 15 item 6; OroCRM's `oro_navigation_menu_upd`): changes to a menu defined in
 * code, per organization (`user_id` null) or per user in an organization, keyed by the item's
 * stable key. A row either changes a default item (parent, position, hidden, label; null = no
 * change) or, with `is_custom`, defines a custom link or divider of that level. `scope_id` is the
 * organization id or `<organizationId>/<userId>` (as in `settings_values`), so one unique index
 * covers both levels without a nullable column in it.
 */
export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('menu_updates')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('scope_id', 'text', (col) => col.notNull())
    .addColumn('menu', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    // '' = the menu's top level; null = where the definition puts it.
    .addColumn('parent_key', 'text')
    .addColumn('position', 'integer')
    .addColumn('is_hidden', isPostgres(db) ? 'boolean' : 'integer')
    .addColumn('label', 'text')
    .addColumn('url', 'text')
    .$call((t) => c.boolean(t, 'is_custom', false))
    .$call((t) => c.boolean(t, 'is_divider', false))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('menu_updates_scope_menu_key', ['scope_id', 'menu', 'key'])
    .execute();
  await db.schema
    .createIndex('menu_updates_organization_user')
    .on('menu_updates')
    .columns(['organization_id', 'user_id'])
    .execute();
}
