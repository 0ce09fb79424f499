import { parseArgs } from 'node:util';
import { generatePassword } from '../../common/password-generator';
import { recordAuditEvent } from '../features/audit/store';
import { deleteUserSessions } from '../features/auth/store';
import {
  findHomeOrganizationId,
  findOrganizationIdByName,
  insertOrganization,
} from '../features/organizations/store';
import { assertAcceptablePassword, passwordPolicyFor } from '../features/passwords/rules';
import { displayName } from '../features/passwords/service';
import { findSubjectByLogin, storePasswordHash } from '../features/passwords/store';
import { insertUser, normalizeEmail, normalizeUsername } from '../features/users/store';
import { isoNow } from '../platform/clock';
import { AppError } from '../platform/http/errors';
import { isDeliverableAddress } from '../platform/mail/headers';
import { queueMail } from '../platform/mail/outbox';
import { type CliContext, CliError, type CliIo } from './context';

export const userCreateUsage = `npx atrium user:create --username <name> --email <address> [--first-name <name>] [--last-name <name>]
    [--organization <name>] [--role Administrator|Manager|User] [--password-stdin] [--must-change]
  Creates a user in an organization (the first one when not named). Without --password-stdin a strong
  password is generated and printed once. A password is never taken from the command line.`;
export const userSetPasswordUsage = `npx atrium user:set-password <username or email> [--password-stdin] [--must-change]
  Sets a user's password (generated and printed once without --password-stdin), ends their sessions,
  voids their reset links and emails them that the password was changed.`;

/** `user:create` */
export async function userCreate(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      email: { type: 'string' },
      'first-name': { type: 'string', default: '' },
      'last-name': { type: 'string', default: '' },
      organization: { type: 'string' },
      role: { type: 'string', default: 'Administrator' },
      'password-stdin': { type: 'boolean', default: false },
      'must-change': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const { db } = context.database;
  const username = values.username?.trim();
  const email = values.email?.trim();
  if (!username || username.length < 3 || username.length > 255 || /\s/.test(username)) {
    throw new CliError('--username is required: 3 to 255 characters, no spaces.');
  }
  if (!email || !isDeliverableAddress(email))
    throw new CliError('--email is required and must be an email address.');
  if (!['Administrator', 'Manager', 'User'].includes(values.role)) {
    throw new CliError('--role must be Administrator, Manager or User.');
  }
  const taken = await db
    .selectFrom('users')
    .select(['usernameNormalized', 'emailNormalized'])
    .where((eb) =>
      eb.or([
        eb('usernameNormalized', '=', normalizeUsername(username)),
        eb('emailNormalized', '=', normalizeEmail(email)),
      ]),
    )
    .executeTakeFirst();
  if (taken) {
    throw new CliError(
      taken.usernameNormalized === normalizeUsername(username)
        ? `The username ${username} is taken.`
        : `The email address ${email} is taken.`,
    );
  }

  const organizationId = await resolveOrganization(context, values.organization);
  const { password, generated } = await choosePassword(context, io, values['password-stdin'], organizationId);
  const firstName = values['first-name'] || username;
  const lastName = values['last-name'];
  await checkPassword(context, password, organizationId, { username, email, firstName, lastName });
  const passwordHash = await context.hasher.hash(password);

  const userId = await db.transaction().execute(async (trx) => {
    let orgId = organizationId;
    if (!orgId) orgId = (await insertOrganization(trx, context.clock, 'Default Organization')).id;
    const role = await trx
      .selectFrom('roles')
      .select('id')
      .where('organizationId', '=', orgId)
      .where('name', '=', values.role)
      .executeTakeFirst();
    if (!role) throw new CliError(`The organization has no role named ${values.role}.`);
    const id = await insertUser(
      trx,
      context.clock,
      { username, email, firstName, lastName, passwordHash, mustChangePassword: values['must-change'] },
      { organizationId: orgId, roleIds: [role.id] },
    );
    await recordAuditEvent(trx, context.clock, {
      action: 'user.created',
      organizationId: orgId,
      actorUserId: null,
      subjectUserId: id,
      details: { via: 'cli', role: values.role },
    });
    return id;
  });
  io.out(`Created user ${username} (${userId}) with the role ${values.role}.`);
  if (generated) io.out(`Password: ${password}\nThis password is shown only now.`);
  return 0;
}

/** `user:set-password` */
export async function userSetPassword(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'password-stdin': { type: 'boolean', default: false },
      'must-change': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const [login, ...extra] = positionals;
  if (!login || extra.length > 0) throw new CliError(`Usage: ${userSetPasswordUsage}`);
  const { db } = context.database;
  const user = await findSubjectByLogin(db, login);
  if (!user) throw new CliError(`There is no user ${login}.`);
  const organizationId = await findHomeOrganizationId(db, user.id, user.lastOrganizationId);
  const { password, generated } = await choosePassword(context, io, values['password-stdin'], organizationId);
  await checkPassword(context, password, organizationId, {
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
  });
  const passwordHash = await context.hasher.hash(password);
  const now = isoNow(context.clock);
  const sessionsEnded = await db.transaction().execute(async (trx) => {
    await storePasswordHash(trx, user.id, { passwordHash, mustChangePassword: values['must-change'], now });
    const ended = await deleteUserSessions(trx, user.id);
    await recordAuditEvent(trx, context.clock, {
      action: 'password.set_by_admin',
      organizationId: organizationId ?? null,
      actorUserId: null,
      subjectUserId: user.id,
      details: { via: 'cli', mustChange: values['must-change'], sessionsEnded: ended },
    });
    await queueMail(trx, context, {
      template: 'password-changed',
      to: { address: user.email, name: displayName(user) },
      data: { name: displayName(user), changedAt: now, byAdministrator: true },
      locale: user.locale,
      organizationId: organizationId ?? null,
    });
    return ended;
  });
  io.out(`The password of ${user.username} was set; ${sessionsEnded} session(s) ended; an email tells them.`);
  if (generated) io.out(`Password: ${password}\nThis password is shown only now.`);
  return 0;
}

async function resolveOrganization(
  context: CliContext,
  name: string | undefined,
): Promise<string | undefined> {
  const { db } = context.database;
  if (name) {
    const id = await findOrganizationIdByName(db, name);
    if (!id) throw new CliError(`There is no organization named ${name}.`);
    return id;
  }
  const first = await db
    .selectFrom('organizations')
    .select('id')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return first?.id;
}

async function choosePassword(
  context: CliContext,
  io: CliIo,
  fromStdin: boolean,
  organizationId: string | undefined,
): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) {
    const policy = await passwordPolicyFor(context.database.db, organizationId);
    return {
      password: generatePassword({ ...policy, minLength: Math.max(20, policy.minLength) }),
      generated: true,
    };
  }
  // One line: a trailing newline from `echo` or a file is not part of the password.
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '') throw new CliError('--password-stdin: standard input was empty.');
  return { password, generated: false };
}

async function checkPassword(
  context: CliContext,
  password: string,
  organizationId: string | undefined,
  words: {
    username: string;
    email: string;
    firstName: string;
    lastName: string;
  },
): Promise<void> {
  try {
    await assertAcceptablePassword(context.database.db, password, { ...words, organizationId }, 'password');
  } catch (error) {
    if (error instanceof AppError) {
      throw new CliError(
        ['The password is not accepted:', ...error.details().map((d) => `  - ${d.detail}`)].join('\n'),
      );
    }
    throw error;
  }
}
