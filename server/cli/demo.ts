import { parseArgs } from 'node:util';
import type { Faker } from '@faker-js/faker';
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { organizationNameProblem } from '../../common/identity';
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

type DemoSeedOptions = {
  users: number;
  events: number;
  activities: number;
  activityTarget: string | undefined;
  organization: string;
};

/** What every step of one seeding shares. */
type DemoRun = {
  db: Kysely<DB>;
  organizationId: string;
  /** One per language, seeded, so a seeding with the same counts writes the same people and words. */
  fakers: Faker[];
  /** The time the newest rows are given, ms since the epoch; the others spread before it. */
  now: number;
  progress: (what: string, done: number, total: number) => void;
};

/** `demo:seed` */
export async function demoSeed(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const options = parseDemoSeedArgs(args);
  // Loaded here, not at the top: the server and the other commands never need it.
  const { allFakers } = await import('@faker-js/faker').catch(() => {
    throw new CliError('demo:seed needs the dev dependencies: run npm install (with dev dependencies).');
  });
  const { db } = context.database;
  const organizationId =
    (await findOrganizationIdByName(db, options.organization)) ??
    (await insertOrganization(db, context.clock, options.organization)).id;
  const roleId = await userRoleId(db, organizationId);
  const started = Date.now();
  const fakers = [allFakers.en, allFakers.de, allFakers.fr, allFakers.es, allFakers.pl, allFakers.sv];
  for (const [index, faker] of fakers.entries()) faker.seed(index + 1);
  const run: DemoRun = {
    db,
    organizationId,
    fakers,
    now: context.clock.now().getTime(),
    progress: progressReporter(io),
  };

  const authors = await seedDemoUsers(run, roleId, options.users);
  await seedDemoAuditEvents(
    run,
    authors.map((author) => author.id),
    options.events,
  );
  if (options.activities > 0) await seedDemoActivities(run, authors, options, context.config.publicUrl);
  // Without fresh statistics PostgreSQL takes 100,000 members for 555, and a deep page of the
  // users grid costs 700 ms instead of 0.5.
  await refreshPlannerStatistics(db);
  io.out(
    `Seeded ${options.users} users, ${options.events} audit events and ${options.activities} activities into "${options.organization}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

function parseDemoSeedArgs(args: string[]): DemoSeedOptions {
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
  // The organization is created when missing: by the API's rule for its name.
  const nameProblem = organizationNameProblem(values.organization);
  if (nameProblem) throw new CliError(`--organization: ${nameProblem}`);
  return {
    users,
    events,
    activities,
    activityTarget: values['activity-target'],
    organization: values.organization,
  };
}

/** Writes `users` members with the role `roleId`, in batches; returns them as demo authors. */
async function seedDemoUsers(run: DemoRun, roleId: string, users: number): Promise<DemoAuthor[]> {
  const { db, organizationId } = run;
  const authors: DemoAuthor[] = [];
  const runId = Date.now().toString(36);
  for (let done = 0; done < users; done += USER_BATCH) {
    const count = Math.min(USER_BATCH, users - done);
    const rows: Insertable<UsersTable>[] & { id: string; createdAt: string }[] = [];
    for (let index = 0; index < count; index += 1) rows.push(demoUserRow(run, runId, done + index, users));
    await insertDemoUsers(db, rows, { organizationId, roleId, newId: uuidv7 });
    for (const row of rows) {
      authors.push({ id: row.id, address: row.email, name: `${row.firstName} ${row.lastName}` });
    }
    run.progress('users', done + count, users);
  }
  return authors;
}

/** Demo user `number` of `users`: a name in one of the fakers' languages, created a minute apart. */
function demoUserRow(
  run: DemoRun,
  runId: string,
  number: number,
  users: number,
): Insertable<UsersTable> & { id: string; createdAt: string; email: string } {
  const { fakers, now } = run;
  const faker = fakers[number % fakers.length] as Faker;
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const username = `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${runId}${number}`;
  const email = `${username}@${faker.internet.domainName()}`;
  const createdAt = new Date(now - (users - number) * 60_000).toISOString();
  return {
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
    lastOrganizationId: run.organizationId,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Writes `events` audit events about the demo users, spread over the year before `now`. */
async function seedDemoAuditEvents(run: DemoRun, userIds: readonly string[], events: number): Promise<void> {
  const { db, organizationId, now } = run;
  const spanMs = 365 * DAY_MS;
  // Several batches per transaction: a commit per batch costs more than the batch on SQLite.
  let pending: Insertable<DB['auditEvents']>[][] = [];
  const flushEvents = async () => {
    const batches = pending;
    pending = [];
    await insertDemoAuditEvents(db, batches);
  };
  for (let done = 0; done < events; done += EVENT_BATCH) {
    const count = Math.min(EVENT_BATCH, events - done);
    const faker = run.fakers[0] as Faker;
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
    pending.push(rows);
    if (pending.length >= EVENT_BATCHES_PER_TRANSACTION) await flushEvents();
    run.progress('audit events', done + count, events);
  }
  if (pending.length > 0) await flushEvents();
}

const CALL_SUBJECTS = [
  'Follow-up',
  'Intro call',
  'Quarterly review',
  'Support',
  'Renewal',
  'Demo',
  'Pricing',
];
const EMAIL_SUBJECTS = [
  'Re: proposal',
  'Meeting notes',
  'Next steps',
  'Contract draft',
  'Invoice',
  'Welcome',
];

/**
 * Writes the activities (calls, and emails between the demo users), each in the Activity of one
 * of them, or all in that of `--activity-target`.
 */
async function seedDemoActivities(
  run: DemoRun,
  users: readonly DemoAuthor[],
  options: DemoSeedOptions,
  publicUrl: string,
): Promise<void> {
  const { db, organizationId } = run;
  /** The demo users as authors and recipients of demo emails. */
  const people = new Map(users.map((user) => [user.id, user]));
  const userIds = users.map((user) => user.id);
  const target = options.activityTarget;
  const focus = target ? await memberByUsername(db, organizationId, target) : undefined;
  if (focus) people.set(focus.id, focus);
  const faker = run.fakers[0] as Faker;
  await seedActivities(db, {
    organizationId,
    authors: userIds.map((id) => people.get(id) as DemoAuthor),
    targetIds: focus ? [focus.id] : userIds,
    count: options.activities,
    now: run.now,
    publicUrl,
    makeCall: (index) => ({
      subject: `${CALL_SUBJECTS[index % CALL_SUBJECTS.length]}: ${faker.company.name()}`,
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
        subject: `${EMAIL_SUBJECTS[index % EMAIL_SUBJECTS.length]}: ${faker.company.name()}`,
        html: `<p>Hi ${escapeHtml(firstName)},</p><p>${escapeHtml(paragraph)}</p><p>Best regards,<br />${escapeHtml(sender.name ?? '')}</p>`,
        text: `Hi ${firstName},\n\n${paragraph}\n\nBest regards,\n${sender.name ?? ''}`,
        to: { name: recipient.name, address: recipient.address },
        failed: index % 97 === 0 ? '550 5.1.1 Mailbox unavailable' : undefined,
      };
    },
    progress: (done, total) => run.progress('activities', done, total),
  });
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
