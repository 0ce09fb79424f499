import { parseArgs } from 'node:util';
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { normalizeEmail, normalizeUsername } from '../../common/login-keys';
import { escapeHtml } from '../features/emails/body';
import { findOrganizationIdByName, insertOrganization } from '../features/organizations/store';
import type { DB, UsersTable } from '../platform/db/schema';
import { foldCase } from '../platform/text/case-fold';
import { type CliContext, CliError, type CliIo } from './context';
import { type DemoAuthor, seedActivities } from './demo-activities';
import {
  findDemoMember,
  findRoleIdByName,
  insertDemoAuditEvents,
  insertDemoUsers,
  refreshPlannerStatistics,
} from './demo-store';

export const demoSeedUsage = `npx atrium demo:seed [--users <count>] [--audit-events <count>] [--activities <count>]
    [--activity-target <username>] [--organization <name>]
  Fills an organization (created when missing; default "Demo") with realistic fake users (no
  password: they cannot sign in), audit events and activities (calls logged and emails sent by
  the users, one in four an email with its outbox row as the worker leaves it; each in the
  Activity of one of them, or all in the Activity of --activity-target, a member of the
  organization), in batches, showing progress. For demos and benchmarks of the lists; needs the
  dev dependencies (@faker-js/faker).`;

const USER_BATCH = 500;
const EVENT_BATCH = 1_000;
const EVENT_BATCHES_PER_TRANSACTION = 25;
const MAX_USERS = 10_000_000;
const EVENT_ACTIONS = [
  'session.signed_in',
  'session.signed_in',
  'session.signed_in',
  'session.signed_out',
  'session.sign_in_failed',
  'profile.updated',
  'password.changed',
  'user.created',
  'user.roles_changed',
  'api_key.generated',
] as const;
const DAY_MS = 86_400_000;

/** `demo:seed` */
export async function demoSeed(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: 'string', default: '1000' },
      'audit-events': { type: 'string', default: '0' },
      activities: { type: 'string', default: '0' },
      'activity-target': { type: 'string' },
      organization: { type: 'string', default: 'Demo' },
    },
    strict: true,
    allowPositionals: false,
  });
  const users = parseCount('--users', values.users);
  const events = parseCount('--audit-events', values['audit-events']);
  if (events > 0 && users === 0) throw new CliError('--audit-events needs --users of at least 1.');
  const activities = parseCount('--activities', values.activities);
  if (activities > 0 && users === 0) throw new CliError('--activities needs --users of at least 1.');
  // Loaded here, not at the top: the server and the other commands never need it.
  const { allFakers } = await import('@faker-js/faker').catch(() => {
    throw new CliError('demo:seed needs the dev dependencies: run npm install (with dev dependencies).');
  });
  const { db } = context.database;
  const organizationId =
    (await findOrganizationIdByName(db, values.organization)) ??
    (await insertOrganization(db, context.clock, values.organization)).id;
  const roleId = await userRoleId(db, organizationId);
  const started = Date.now();
  const progress = progressReporter(io);
  const userIds: string[] = [];
  /** The demo users as authors and recipients of demo emails. */
  const people = new Map<string, DemoAuthor>();
  const fakers = [allFakers.en, allFakers.de, allFakers.fr, allFakers.es, allFakers.pl, allFakers.sv];
  for (const [index, faker] of fakers.entries()) faker.seed(index + 1);
  const runId = Date.now().toString(36);
  const now = context.clock.now().getTime();

  for (let done = 0; done < users; done += USER_BATCH) {
    const count = Math.min(USER_BATCH, users - done);
    const rows: Insertable<UsersTable>[] & { id: string; createdAt: string }[] = [];
    for (let index = 0; index < count; index += 1) {
      const number = done + index;
      const faker = fakers[number % fakers.length] as (typeof fakers)[number];
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const username = `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${runId}${number}`;
      const email = `${username}@${faker.internet.domainName()}`;
      const createdAt = new Date(now - (users - number) * 60_000).toISOString();
      rows.push({
        id: uuidv7(),
        username,
        usernameNormalized: normalizeUsername(username),
        email,
        emailNormalized: normalizeEmail(email),
        firstName,
        lastName,
        firstNameFolded: foldCase(firstName),
        lastNameFolded: foldCase(lastName),
        usernameFolded: foldCase(username),
        emailFolded: foldCase(email),
        status: number % 50 === 0 ? ('disabled' as const) : ('active' as const),
        passwordHash: null,
        mustChangePassword: false,
        lastSignInAt: number % 4 === 0 ? null : new Date(now - (number % 90) * DAY_MS).toISOString(),
        lastOrganizationId: organizationId,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await insertDemoUsers(db, rows, { organizationId, roleId, newId: uuidv7 });
    for (const row of rows) {
      userIds.push(row.id);
      people.set(row.id, { id: row.id, address: row.email, name: `${row.firstName} ${row.lastName}` });
    }
    progress('users', done + count, users);
  }

  const spanMs = 365 * DAY_MS;
  // Several batches per transaction: a commit per batch costs more than the batch on SQLite.
  let pending: Insertable<DB['auditEvents']>[][] = [];
  const flushEvents = async () => {
    const batches = pending;
    pending = [];
    await insertDemoAuditEvents(db, batches);
  };
  const insertEvents = async (rows: Insertable<DB['auditEvents']>[]) => {
    pending.push(rows);
    if (pending.length >= EVENT_BATCHES_PER_TRANSACTION) await flushEvents();
  };
  for (let done = 0; done < events; done += EVENT_BATCH) {
    const count = Math.min(EVENT_BATCH, events - done);
    const faker = fakers[0] as (typeof fakers)[number];
    const rows: Insertable<DB['auditEvents']>[] = [];
    for (let index = 0; index < count; index += 1) {
      const number = done + index;
      const subject = userIds[(number * 7919) % userIds.length] as string;
      const action = EVENT_ACTIONS[number % EVENT_ACTIONS.length] as string;
      rows.push({
        id: uuidv7(),
        organizationId: action === 'session.sign_in_failed' ? null : organizationId,
        actorUserId: number % 3 === 0 ? (userIds[number % userIds.length] as string) : subject,
        subjectUserId: subject,
        action,
        ip: faker.internet.ipv4(),
        details: '{}',
        occurredAt: new Date(now - spanMs + Math.floor((number / events) * spanMs)).toISOString(),
      });
    }
    await insertEvents(rows);
    progress('audit events', done + count, events);
  }
  if (pending.length > 0) await flushEvents();

  if (activities > 0) {
    const target = values['activity-target'];
    const focus = target ? await memberByUsername(db, organizationId, target) : undefined;
    if (focus) people.set(focus.id, focus);
    const targetIds = focus ? [focus.id] : userIds;
    const faker = fakers[0] as (typeof fakers)[number];
    const subjects = ['Follow-up', 'Intro call', 'Quarterly review', 'Support', 'Renewal', 'Demo', 'Pricing'];
    const emailSubjects = [
      'Re: proposal',
      'Meeting notes',
      'Next steps',
      'Contract draft',
      'Invoice',
      'Welcome',
    ];
    await seedActivities(db, {
      organizationId,
      authors: userIds.map((id) => people.get(id) as DemoAuthor),
      targetIds,
      count: activities,
      now,
      publicUrl: context.config.publicUrl,
      makeCall: (index) => ({
        subject: `${subjects[index % subjects.length]}: ${faker.company.name()}`,
        phoneNumber: faker.phone.number({ style: 'international' }),
        notes: index % 3 === 0 ? faker.lorem.sentence() : null,
        callStatus: index % 20 === 0 ? 'in_progress' : 'completed',
        direction: index % 3 === 0 ? 'incoming' : 'outgoing',
        duration: faker.number.int({ min: 0, max: 3600 }),
      }),
      makeEmail: (index, targetUserId) => {
        const recipient = people.get(targetUserId) as DemoAuthor;
        const sender = people.get(userIds[index % userIds.length] as string) as DemoAuthor;
        const firstName = recipient.name?.split(' ')[0] ?? '';
        const paragraph = faker.lorem.sentences({ min: 1, max: 3 });
        return {
          subject: `${emailSubjects[index % emailSubjects.length]}: ${faker.company.name()}`,
          html: `<p>Hi ${escapeHtml(firstName)},</p><p>${escapeHtml(paragraph)}</p><p>Best regards,<br />${escapeHtml(sender.name ?? '')}</p>`,
          text: `Hi ${firstName},\n\n${paragraph}\n\nBest regards,\n${sender.name ?? ''}`,
          to: { name: recipient.name, address: recipient.address },
          failed: index % 97 === 0 ? '550 5.1.1 Mailbox unavailable' : undefined,
        };
      },
      progress: (done, total) => progress('activities', done, total),
    });
  }
  // Without fresh statistics PostgreSQL takes 100,000 members for 555, and a deep page of the
  // users grid costs 700 ms instead of 0.5.
  await refreshPlannerStatistics(db);
  io.out(
    `Seeded ${users} users, ${events} audit events and ${activities} activities into "${values.organization}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

function parseCount(option: string, value: string): number {
  const count = /^\d{1,8}$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(count) && count <= MAX_USERS * 10) return count;
  throw new CliError(`${option} must be a whole number from 0 to ${MAX_USERS * 10}.`);
}

/** A member of the organization by username, as a demo author (id, address, name). */
async function memberByUsername(
  db: Kysely<DB>,
  organizationId: string,
  username: string,
): Promise<DemoAuthor> {
  const row = await findDemoMember(db, organizationId, username);
  if (!row) throw new CliError(`--activity-target: no member "${username}" in the organization.`);
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
  return { id: row.id, address: row.email, name: name || null };
}

async function userRoleId(db: Kysely<DB>, organizationId: string): Promise<string> {
  const role = await findRoleIdByName(db, organizationId, 'User');
  if (!role) throw new CliError('The organization has no "User" role to give the demo users.');
  return role;
}

/** `Zoë` → `zoe`: usernames stay ASCII (names keep their accents). */
function asciiSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase() || 'user'
  );
}

/**
 * A progress bar on a terminal (`[#####.....] 50% users 50000/100000`, redrawn in place), or a
 * line at every tenth otherwise (logs, tests).
 */
function progressReporter(io: CliIo): (what: string, done: number, total: number) => void {
  const isTerminal = process.stderr.isTTY === true;
  let lastTenth = -1;
  return (what, done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    const bar = `[${'#'.repeat(Math.round(ratio * 30)).padEnd(30, '.')}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${what} ${done}/${total}`;
    if (isTerminal) {
      process.stderr.write(`\r${bar}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = done === total ? -1 : tenth;
      io.err(bar);
    }
  };
}
