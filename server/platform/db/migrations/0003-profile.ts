import { columnHelpers, type MigrationDb } from '../columns';

export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('avatars')
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'created_at'))
    .execute();

  await db.schema
    .createTable('email_verifications')
    .$call((t) => c.id(t))
    .addColumn('user_email_id', 'text', (col) =>
      col.notNull().references('user_emails.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'expires_at'))
    .$call((t) => c.timestamp(t, 'used_at', (col) => col))
    .execute();

  await db.schema
    .createTable('custom_field_definitions')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .$call((t) => c.boolean(t, 'is_required', false))
    .$call((t) => c.json(t, 'choices'))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('custom_field_definitions_organization_name', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('custom_field_values')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (col) =>
      col.notNull().references('custom_field_definitions.id').onDelete('cascade'),
    )
    .$call((t) => c.json(t, 'value', (col) => col.notNull()))
    .addPrimaryKeyConstraint('custom_field_values_pk', ['user_id', 'field_id'])
    .execute();
}
