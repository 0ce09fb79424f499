import { generatePassword } from '../../../common/password-generator';
import type { Deps } from '../../platform/deps';
import { type SystemTool, systemActor } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { listRoles } from '../access/store';
import { createOrganization } from '../organizations/service';
import { findFirstOrganizationId } from '../organizations/store';
import { createUser } from './admin-service';
import { countUsers } from './store';

/** The name of the organization the first start creates. */
export const FIRST_ORGANIZATION_NAME = 'Default Organization';

/**
 * On first start (no user at all): a default organization and the first administrator from
 * ADMIN_*. With no ADMIN_PASSWORD a strong password is generated and printed once — there is never
 * an account with a known default password.
 *
 * Both go through the API's services (`createOrganization`, `createUser`) as the system actor of
 * the first start, so the same rules apply (the username and email rules, the password policy)
 * and the audit log records `organization.created` and `user.created` with `via: first_start`.
 * An existing organization is reused (a first start that stopped halfway, or `atrium user:create`
 * run before it). Run it under `withStartupLock` (platform/db/startup-lock.ts): two processes
 * starting at once would otherwise both see no user. Throws an Error naming the ADMIN_* variable
 * when a service refuses the configured values.
 */
export async function ensureFirstAdministrator(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config'>,
  print: (line: string) => void,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const { db, config } = deps;
  if ((await countUsers(db)) > 0) return { created: false };
  const generatedPassword = config.admin.password ? undefined : generatePassword({ minLength: 20 });
  const password = config.admin.password ?? (generatedPassword as string);
  try {
    const organizationId = await ensureFirstOrganization(deps, 'first_start');
    const actor = systemActor(organizationId, 'first_start');
    const administrator = (await listRoles(db, organizationId)).find((role) => role.name === 'Administrator');
    await createUser(deps, actor, {
      username: config.admin.username,
      email: config.admin.email,
      firstName: 'Admin',
      lastName: 'User',
      password,
      mustChangePassword: false,
      roleIds: administrator ? [administrator.id] : undefined,
      // The first administrator holds the instance-wide powers and appoints any others.
      instanceAdministrator: true,
    });
  } catch (error) {
    if (error instanceof AppError)
      throw new Error(`The first administrator cannot be created: ${refusalsOf(error)}`);
    throw error;
  }
  if (generatedPassword) {
    print(
      [
        '',
        '  The first administrator was created.',
        `  Username: ${config.admin.username}`,
        `  Password: ${generatedPassword}`,
        '  This password is shown only now. Sign in and change it.',
        '',
      ].join('\n'),
    );
  }
  return generatedPassword ? { created: true, generatedPassword } : { created: true };
}

/**
 * The id of the first organization, created (as "Default Organization", through the API's
 * `createOrganization`, audited with `via: tool`) when there is none yet. Callers hold the
 * start-up lock, so that two of them cannot both create it.
 */
export async function ensureFirstOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  tool: SystemTool,
): Promise<string> {
  const existing = await findFirstOrganizationId(deps.db);
  if (existing) return existing;
  return (await createOrganization(deps, systemActor(null, tool), { name: FIRST_ORGANIZATION_NAME })).id;
}

/** "ADMIN_PASSWORD: The password must not contain your username." for each refusal. */
function refusalsOf(error: AppError): string {
  const variables: Record<string, string> = {
    username: 'ADMIN_USERNAME',
    email: 'ADMIN_EMAIL',
    password: 'ADMIN_PASSWORD',
  };
  return error
    .details()
    .map((detail) => {
      const field = detail.source && 'pointer' in detail.source ? detail.source.pointer.split('/').pop() : '';
      return `${variables[field ?? ''] ?? field}: ${detail.detail}`;
    })
    .join('; ');
}
