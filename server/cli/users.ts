import { parseArgs } from 'node:util';
import { generatePassword } from '../../common/password-generator';
import { listRoles } from '../features/access/store';
import { findHomeOrganizationId, findOrganizationIdByName } from '../features/organizations/store';
import { passwordPolicyFor } from '../features/passwords/rules';
import { setPasswordByAdministrator } from '../features/passwords/service';
import { findSubjectByLogin } from '../features/passwords/store';
import { createUser } from '../features/users/admin-service';
import { ensureFirstOrganization } from '../features/users/bootstrap';
import { withStartupLock } from '../platform/db/startup-lock';
import { systemActor } from '../platform/http/access';
import { AppError } from '../platform/http/errors';
import { type CliContext, CliError, type CliIo } from './context';

export const userCreateUsage = `npx atrium user:create --username <name> --email <address> --first-name <name> --last-name <name>
    [--organization <name>] [--role <role name>] [--password-stdin] [--must-change]
  Creates a user in an organization (the first one when not named; the role defaults to
  Administrator), with the same rules as the API's Create User. Without --password-stdin a strong
  password is generated and printed once. A password is never taken from the command line.`;
export const userSetPasswordUsage = `npx atrium user:set-password <username or email> [--password-stdin] [--must-change]
  Sets a user's password (generated and printed once without --password-stdin), ends their sessions,
  voids their reset links and emails them that the password was changed, as an administrator's
  Change Password does.`;

/**
 * `user:create`: the API's `createUser` (users/admin-service.ts) as the CLI's system actor, in
 * the named organization or the first one (created when there is none). Its refusals are printed
 * with the option they concern; exit status 1.
 */
export async function userCreate(context: CliContext, io: CliIo, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string', default: '' },
      email: { type: 'string', default: '' },
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
  const deps = servicesDeps(context);
  const organizationId = values.organization
    ? await findOrganizationIdByName(deps.db, values.organization)
    : await withStartupLock(context.database, context.config, () => ensureFirstOrganization(deps, 'cli'));
  if (!organizationId) throw new CliError(`There is no organization named ${values.organization}.`);
  const role = (await listRoles(deps.db, organizationId)).find((r) => r.name === values.role);
  if (!role) throw new CliError(`The organization has no role named ${values.role}.`);
  const { password, generated } = await choosePassword(context, io, values['password-stdin'], organizationId);
  const created = await asCliError(
    createUser(deps, systemActor(organizationId, 'cli'), {
      username: values.username,
      email: values.email,
      firstName: values['first-name'],
      lastName: values['last-name'],
      password,
      mustChangePassword: values['must-change'],
      roleIds: [role.id],
    }),
  );
  io.out(`Created user ${values.username} (${created.id}) with the role ${role.name}.`);
  if (generated) io.out(`Password: ${password}\nThis password is shown only now.`);
  return 0;
}

/**
 * `user:set-password`: the API's `setPasswordByAdministrator` (passwords/service.ts) as the CLI's
 * system actor in the user's home organization — the same policy, settings (the mail's locale,
 * `password.include_in_email`), sessions ended, links voided, audit row and email.
 */
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
  const deps = servicesDeps(context);
  const user = await findSubjectByLogin(deps.db, login);
  if (!user) throw new CliError(`There is no user ${login}.`);
  const organizationId = await findHomeOrganizationId(deps.db, user.id, user.lastOrganizationId);
  if (!organizationId) throw new CliError(`${user.username} is a member of no organization.`);
  const { password, generated } = await choosePassword(context, io, values['password-stdin'], organizationId);
  await asCliError(
    setPasswordByAdministrator(
      deps,
      systemActor(organizationId, 'cli'),
      { userId: user.id, newPassword: password, mustChange: values['must-change'] },
      { ip: null },
    ),
  );
  io.out(
    `The password of ${user.username} was set; their sessions were ended, their reset links voided, and an email tells them.`,
  );
  if (generated) io.out(`Password: ${password}\nThis password is shown only now.`);
  return 0;
}

/**
 * What the services need, from the CLI's context. No mail worker runs here: a running server's
 * worker finds queued mail on its next look at the outbox.
 */
function servicesDeps(context: CliContext) {
  return {
    db: context.database.db,
    clock: context.clock,
    hasher: context.hasher,
    config: context.config,
    mail: { wake() {} },
  };
}

/** The option of the command line a request body's attribute comes from. */
const optionOf: Record<string, string> = {
  username: '--username',
  email: '--email',
  firstName: '--first-name',
  lastName: '--last-name',
  password: 'the password',
  newPassword: 'the password',
};

/**
 * A service's refusal as the person at the shell reads it: each problem on a line, led by the
 * option it concerns ("--username: The username cannot contain “@”."); exit status 1.
 */
export async function asCliError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const lines = error.details().map((detail) => {
      const field =
        detail.source && 'pointer' in detail.source ? detail.source.pointer.split('/').pop() : undefined;
      const option = field ? optionOf[field] : undefined;
      return option ? `${option}: ${detail.detail}` : detail.detail;
    });
    const password = lines.every((line) => line.startsWith('the password: '));
    throw new CliError(
      password
        ? ['The password is not accepted:', ...lines.map((line) => `  - ${line.slice(14)}`)].join('\n')
        : lines.join('\n'),
    );
  }
}

async function choosePassword(
  context: CliContext,
  io: CliIo,
  fromStdin: boolean,
  organizationId: string,
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
