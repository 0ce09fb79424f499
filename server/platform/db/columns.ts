import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  type Transaction,
} from 'kysely';

/**
 * Column helpers so one migration file runs on SQLite and PostgreSQL (DESIGN.md §6). Migrations
 * are written against `Kysely<any>` as Kysely recommends: they describe history, not today's types.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export type MigrationDb = Kysely<any>;

export function isPostgres(db: MigrationDb | Transaction<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

type Builder = CreateTableBuilder<string, string>;
type Modifier = (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

export function columnHelpers(db: MigrationDb) {
  const pg = isPostgres(db);
  return {
    id: (table: Builder, name = 'id', modify: Modifier = (c) => c.primaryKey()) =>
      table.addColumn(name, 'text', (c) => modify(c.notNull())),
    timestamp: (table: Builder, name: string, modify: Modifier = (c) => c.notNull()) =>
      table.addColumn(name, pg ? 'timestamptz' : 'text', modify),
    boolean: (table: Builder, name: string, defaultValue: boolean) =>
      table.addColumn(name, pg ? 'boolean' : 'integer', (c) =>
        c.notNull().defaultTo(pg ? defaultValue : defaultValue ? 1 : 0),
      ),
    json: (table: Builder, name: string, modify: Modifier = (c) => c) =>
      table.addColumn(name, pg ? 'jsonb' : 'text', modify),
  };
}
