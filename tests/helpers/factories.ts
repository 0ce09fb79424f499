import { addMembership } from '../../server/features/memberships/store';
import { insertOrganization } from '../../server/features/organizations/store';
import { insertUser } from '../../server/features/users/store';
import type { TestApp } from './app';

let sequence = 0;
/**
 * A unique suffix for the names factories make up: digits only, so that no made-up name, username
 * or email holds letters a test's substring filter looks for (a base-36 time such as `mioqv3` once
 * matched `filter[name][contains]=QV`).
 */
const next = () => `${Date.now()}${String(sequence++).padStart(4, '0')}`;

/** The password every factory user gets (long enough for any policy in the tests). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Hashing is slow by design: factories reuse one hash of TEST_PASSWORD. */
const hashCache = new WeakMap<TestApp, Promise<string>>();
function testPasswordHash(t: TestApp): Promise<string> {
  let hash = hashCache.get(t);
  if (!hash) {
    hash = t.deps.hasher.hash(TEST_PASSWORD);
    hashCache.set(t, hash);
  }
  return hash;
}

export type BuiltOrganization = { id: string; name: string; roleIds: Record<string, string> };

export async function buildOrganization(t: TestApp, name = `Org ${next()}`): Promise<BuiltOrganization> {
  const organization = await insertOrganization(t.deps.db, t.clock, name);
  return { id: organization.id, name, roleIds: organization.roleIds };
}

export type BuiltUser = {
  id: string;
  username: string;
  email: string;
  password: string;
  organizationId: string;
};

/**
 * A user in an organization (a new one unless given) with the named seeded roles.
 * `buildAdmin` and `buildMember` are the usual shorthands.
 */
export async function buildUser(
  t: TestApp,
  options: {
    organization?: BuiltOrganization;
    roles?: ('Administrator' | 'Manager' | 'User')[];
    username?: string;
    email?: string;
    firstName?: string;
    lastName?: string;
    mustChangePassword?: boolean;
    /** Holds the instance-wide powers (system settings), as the first administrator does. */
    instanceAdministrator?: boolean;
  } = {},
): Promise<BuiltUser & { organization: BuiltOrganization }> {
  const organization = options.organization ?? (await buildOrganization(t));
  const suffix = next();
  const username = options.username ?? `user_${suffix}`;
  const email = options.email ?? `${username}@example.com`;
  const id = await insertUser(
    t.deps.db,
    t.clock,
    {
      username,
      email,
      firstName: options.firstName ?? 'Test',
      lastName: options.lastName ?? `User ${suffix}`,
      passwordHash: await testPasswordHash(t),
      mustChangePassword: options.mustChangePassword ?? false,
      isInstanceAdministrator: options.instanceAdministrator ?? false,
    },
    {
      organizationId: organization.id,
      roleIds: (options.roles ?? ['User']).map((role) => organization.roleIds[role] as string),
    },
  );
  return { id, username, email, password: TEST_PASSWORD, organizationId: organization.id, organization };
}

export function buildAdmin(t: TestApp, organization?: BuiltOrganization) {
  return buildUser(t, { roles: ['Administrator'], ...(organization ? { organization } : {}) });
}

/** An Administrator of an organization who is also an instance administrator. */
export function buildInstanceAdmin(t: TestApp, organization?: BuiltOrganization) {
  return buildUser(t, {
    roles: ['Administrator'],
    instanceAdministrator: true,
    ...(organization ? { organization } : {}),
  });
}

export function buildMember(t: TestApp, organization?: BuiltOrganization) {
  return buildUser(t, { roles: ['User'], ...(organization ? { organization } : {}) });
}

/** Adds an existing user to another organization with roles there. */
export async function addToOrganization(
  t: TestApp,
  userId: string,
  organization: BuiltOrganization,
  roles: ('Administrator' | 'Manager' | 'User')[] = ['User'],
): Promise<void> {
  await addMembership(
    t.deps.db,
    t.clock,
    userId,
    organization.id,
    roles.map((role) => organization.roleIds[role] as string),
  );
}
