import { type Insertable, type Kysely, sql } from 'kysely';
import { normalizeUsername } from '../../common/login-keys';
import { isPostgres } from '../platform/db/columns';
import type {
  ActivitiesTable,
  AuditEventsTable,
  CallsTable,
  DB,
  EmailsTable,
  MailOutboxTable,
  UsersTable,
} from '../platform/db/schema';

/*
 * The demo seed's writes (`npx atrium demo:seed`): rows by the thousand in one statement each,
 * for demos and benchmarks of the lists. They bypass the features' services on purpose (no audit
 * row, no identities, no mail): the data is fake and must load in seconds at 100,000 users.
 */

/** Users, each a member of the organization with one role, in one transaction. */
export async function insertDemoUsers(
  db: Kysely<DB>,
  rows: readonly (Insertable<UsersTable> & { id: string; createdAt: string })[],
  membership: { organizationId: string; roleId: string; newId: () => string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(rows).execute();
    const memberships = rows.map((row) => ({
      id: membership.newId(),
      userId: row.id,
      organizationId: membership.organizationId,
      createdAt: row.createdAt,
    }));
    await trx.insertInto('memberships').values(memberships).execute();
    await trx
      .insertInto('membershipRoles')
      .values(memberships.map(({ id }) => ({ membershipId: id, roleId: membership.roleId })))
      .execute();
  });
}

/** Batches of audit events, in one transaction (a commit per batch costs more than the batch on SQLite). */
export async function insertDemoAuditEvents(
  db: Kysely<DB>,
  batches: readonly Insertable<AuditEventsTable>[][],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const batch of batches) await trx.insertInto('auditEvents').values(batch).execute();
  });
}

/** A batch of calls and emails (with their outbox rows) and their Activity rows, in the caller's transaction. */
export async function insertDemoActivities(
  trx: Kysely<DB>,
  rows: {
    calls: Insertable<CallsTable>[];
    outbox: Insertable<MailOutboxTable>[];
    emails: Insertable<EmailsTable>[];
    activities: Insertable<ActivitiesTable>[];
  },
): Promise<void> {
  if (rows.calls.length > 0) await trx.insertInto('calls').values(rows.calls).execute();
  if (rows.outbox.length > 0) await trx.insertInto('mailOutbox').values(rows.outbox).execute();
  if (rows.emails.length > 0) await trx.insertInto('emails').values(rows.emails).execute();
  await trx.insertInto('activities').values(rows.activities).execute();
}

/** A member of the organization by username: their id, address and names. */
export async function findDemoMember(db: Kysely<DB>, organizationId: string, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(['users.id', 'users.email', 'users.firstName', 'users.lastName'])
    .where('memberships.organizationId', '=', organizationId)
    .where('users.usernameNormalized', '=', normalizeUsername(username))
    .executeTakeFirst();
}

/** The id of the organization's role of this name, if it has one. */
export async function findRoleIdByName(
  db: Kysely<DB>,
  organizationId: string,
  name: string,
): Promise<string | undefined> {
  const role = await db
    .selectFrom('roles')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return role?.id;
}

/**
 * PostgreSQL plans by its statistics, and answers counts and lists from indexes alone only over
 * pages its visibility map marks all-visible; autovacuum refreshes both only a minute or more
 * after a bulk load. Both are refreshed now for the tables the seed writes, as a database in use
 * would have them (VACUUM runs outside a transaction: the pool's connection is not in one).
 * SQLite keeps no statistics unless asked (the app's queries are planned without them) and needs
 * no vacuum to read an index alone: nothing to do there.
 */
export async function refreshPlannerStatistics(db: Kysely<DB>): Promise<void> {
  if (!isPostgres(db)) return;
  const tables = [
    'users',
    'memberships',
    'membership_roles',
    'audit_events',
    'activities',
    'calls',
    'emails',
  ];
  await sql`vacuum (analyze) ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
}
