import { columnHelpers, type MigrationDb } from '../columns';

export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);

  await db.schema
    .createTable('organizations')
    .$call((t) => c.id(t))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_normalized', 'text', (col) => col.notNull().unique())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .execute();

  await db.schema
    .createTable('users')
    .$call((t) => c.id(t))
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('username_normalized', 'text', (col) => col.notNull().unique())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('email_normalized', 'text', (col) => col.notNull().unique())
    .addColumn('name_prefix', 'text')
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('name_suffix', 'text')
    .addColumn('birthday', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('password_hash', 'text')
    .$call((t) => c.timestamp(t, 'password_changed_at', (col) => col))
    .$call((t) => c.boolean(t, 'must_change_password', false))
    .addColumn('failed_sign_in_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lockout_count', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.timestamp(t, 'locked_until', (col) => col))
    .$call((t) => c.timestamp(t, 'last_sign_in_at', (col) => col))
    .addColumn('sign_in_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_organization_id', 'text', (col) =>
      col.references('organizations.id').onDelete('set null'),
    )
    .addColumn('locale', 'text')
    .addColumn('timezone', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .execute();

  await db.schema
    .createTable('user_emails')
    .$call((t) => c.id(t))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('email_normalized', 'text', (col) => col.notNull().unique())
    .$call((t) => c.timestamp(t, 'verified_at', (col) => col))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.timestamp(t, 'created_at'))
    .execute();
  await db.schema.createIndex('user_emails_user_id').on('user_emails').column('user_id').execute();

  await db.schema
    .createTable('roles')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .$call((t) => c.json(t, 'permissions', (col) => col.notNull()))
    .$call((t) => c.boolean(t, 'is_system', false))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('roles_organization_name', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('memberships')
    .$call((t) => c.id(t))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .$call((t) => c.timestamp(t, 'created_at'))
    .addUniqueConstraint('memberships_user_organization', ['user_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('memberships_organization_id')
    .on('memberships')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('membership_roles')
    .addColumn('membership_id', 'text', (col) =>
      col.notNull().references('memberships.id').onDelete('cascade'),
    )
    .addColumn('role_id', 'text', (col) => col.notNull().references('roles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('membership_roles_pk', ['membership_id', 'role_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .$call((t) => c.id(t))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'last_seen_at'))
    .$call((t) => c.timestamp(t, 'expires_at'))
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('subject_user_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .$call((t) => c.json(t, 'details', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'occurred_at'))
    .execute();
  await db.schema
    .createIndex('audit_events_organization_occurred')
    .on('audit_events')
    .columns(['organization_id', 'occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_subject_occurred')
    .on('audit_events')
    .columns(['subject_user_id', 'occurred_at', 'id'])
    .execute();

  await db.schema
    .createTable('settings_values')
    .$call((t) => c.id(t))
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('scope_id', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .$call((t) => c.json(t, 'value', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('settings_values_scope_key', ['scope', 'scope_id', 'key'])
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('count', 'integer', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'reset_at'))
    .execute();
}
