import { columnHelpers, type MigrationDb } from '../columns';

export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('password_tokens')
    .$call((t) => c.id(t))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'expires_at'))
    .$call((t) => c.timestamp(t, 'used_at', (col) => col))
    .execute();
  await db.schema.createIndex('password_tokens_user_id').on('password_tokens').column('user_id').execute();
}
