import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { roleListSpec } from '../../../features/access/store';
import { auditEventListSpec } from '../../../features/audit/store';
import { sessionListSpec } from '../../../features/auth/store';
import { callListSpec } from '../../../features/calls/store';
import { mailMessageListSpec } from '../../../features/mail/store';
import { organizationListSpec } from '../../../features/organizations/store';
import { taskListSpec } from '../../../features/tasks/store';
import { userListSpec } from '../../../features/users/list-store';
import type { ListSpec } from './list-query';

const SPECS: ListSpec[] = [
  userListSpec,
  sessionListSpec,
  taskListSpec,
  callListSpec,
  auditEventListSpec,
  mailMessageListSpec,
  roleListSpec,
  organizationListSpec,
];

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * `ListSpec.sortValues` says what each sort column holds, and a cursor's values are checked against
 * it (kysely.ts `fitsKey`): a kind that is not the column's would refuse the cursors of real rows.
 * The same for `nullableSorts`: a NULL in a column not declared nullable refuses its row's cursor.
 * Here each spec is compared with the columns as the database declares them.
 */
describe('the kinds of sort values lists declare', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  /**
   * The declared type of `table.column`, lower case (PostgreSQL: `data_type`; SQLite: the
   * column's type), and whether it may hold NULL.
   */
  async function declared(table: string, column: string): Promise<{ type: string; nullable: boolean }> {
    const { db, schema } = database;
    if (schema !== undefined) {
      const { rows } = await sql<{ type: string; nullable: string }>`select data_type as type,
          is_nullable as nullable from information_schema.columns
        where table_schema = ${schema} and table_name = ${table} and column_name = ${column}`.execute(db);
      const row = rows[0];
      return { type: (row?.type ?? 'missing').toLowerCase(), nullable: row?.nullable === 'YES' };
    }
    const { rows } = await sql<{
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }>`select name, type, "notnull", pk from pragma_table_info(${table})`.execute(db);
    const row = rows.find((candidate) => candidate.name === column);
    return {
      type: (row?.type ?? 'missing').toLowerCase(),
      nullable: row !== undefined && !row.notnull && !row.pk,
    };
  }

  it('every sort field holds the kind its spec declares (text unless declared), NULL only if nullable', async () => {
    const wrong: string[] = [];
    for (const spec of SPECS) {
      for (const [field, reference] of Object.entries(spec.sort)) {
        const [table = '', column = ''] = reference.split('.').map(snake);
        const { type, nullable } = await declared(table, column);
        if (nullable !== (spec.nullableSorts?.includes(field) ?? false)) {
          wrong.push(
            `${spec.type}.${field} (${reference}): the column ${nullable ? 'may' : 'cannot'} be NULL`,
          );
        }
        const kind = spec.sortValues?.[field] ?? 'text';
        const fits =
          kind === 'integer'
            ? type === 'integer'
            : kind === 'timestamp'
              ? database.schema !== undefined
                ? type.startsWith('timestamp')
                : type === 'text'
              : type === 'text' || type.startsWith('character');
        if (!fits)
          wrong.push(`${spec.type}.${field} (${reference}): declared ${kind}, the column is ${type}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
