import { generatePassword } from '../../../common/password-generator';
import type { Deps } from '../../platform/deps';
import { insertOrganization } from '../organizations/store';
import { countUsers, insertUser } from './store';

/**
 * On first start (no user at all): a default organization and the first administrator from
 * ADMIN_*. With no ADMIN_PASSWORD a strong password is generated and printed once — there is never
 * an account with a known default password.
 */
export async function ensureFirstAdministrator(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config'>,
  print: (line: string) => void,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const { db, clock, hasher, config } = deps;
  if ((await countUsers(db)) > 0) return { created: false };
  const generatedPassword = config.admin.password ? undefined : generatePassword({ minLength: 20 });
  const password = config.admin.password ?? (generatedPassword as string);
  const passwordHash = await hasher.hash(password);
  await db.transaction().execute(async (trx) => {
    const organization = await insertOrganization(trx, clock, 'Default Organization');
    await insertUser(
      trx,
      clock,
      {
        username: config.admin.username,
        email: config.admin.email,
        firstName: 'Admin',
        lastName: 'User',
        passwordHash,
        // The first administrator holds the instance-wide powers and appoints any others.
        isInstanceAdministrator: true,
      },
      { organizationId: organization.id, roleIds: [organization.roleIds.Administrator as string] },
    );
  });
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
