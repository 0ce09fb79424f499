import { columnHelpers, type MigrationDb } from '../columns';

export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('api_keys')
    .$call((t) => c.id(t))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('key_hash', 'text', (col) => col.notNull().unique())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'last_used_at', (col) => col))
    .addColumn('last_used_ip', 'text')
    // "Within one organization there can be only one API key at a time."
    .addUniqueConstraint('api_keys_user_organization', ['user_id', 'organization_id'])
    .execute();
}
