import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import {
  addToOrganization,
  type BuiltUser,
  buildAdmin,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { giveApiKey } from '../../../tests/helpers/scenarios';
import type { Actor } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { loadPermissions } from '../access/store';
import { type AdminChanges, applyAdminChanges } from './admin-service';

/** The function the profile colleague's PATCH /api/users/{id} calls, tested by a direct call. */
describe('applyAdminChanges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function actorFor(user: Pick<BuiltUser, 'id' | 'organizationId'>): Promise<Actor> {
    const permissions = await loadPermissions(t.deps.db, user.id, user.organizationId);
    if (!permissions) throw new Error('not a member');
    return {
      userId: user.id,
      organizationId: user.organizationId,
      permissions,
      mustChangePassword: false,
      via: { kind: 'session', sessionId: newId(), csrfToken: 'x' },
    };
  }

  async function apply(actor: Actor, userId: string, changes: AdminChanges) {
    return t.deps.db
      .transaction()
      .execute((trx) => applyAdminChanges(trx, t.deps, actor, userId, changes, { ip: '203.0.113.9' }));
  }

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  async function statusOf(userId: string) {
    const row = await t.deps.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  async function auditActions(userId: string) {
    const rows = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'details', 'actorUserId', 'organizationId', 'ip'])
      .where('subjectUserId', '=', userId)
      .orderBy('occurredAt')
      .orderBy('id')
      .execute();
    return rows;
  }

  it('disables a user: every session ends at once, the API key stops working, one audit row', async () => {
    const admin = await buildAdmin(t);
    const member = await buildUser(t, { organization: admin.organization });
    const laptop = await signIn(t.app, member.username, TEST_PASSWORD);
    const phone = await signIn(t.app, member.email, TEST_PASSWORD);
    const key = await giveApiKey(t, member);
    expect((await withApiKey(t.app, key)({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(200);

    const result = await apply(await actorFor(admin), member.id, { enabled: false });
    expect(result.changed).toBe(true);
    expect(await statusOf(member.id)).toBe('disabled');
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', member.id)
      .execute();
    expect(sessions).toHaveLength(0);
    expect((await laptop.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await phone.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await withApiKey(t.app, key)({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(401);

    const events = (await auditActions(member.id)).filter((e) => e.action === 'user.disabled');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.id,
      organizationId: admin.organizationId,
      ip: '203.0.113.9',
    });
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({ previousStatus: 'active', sessionsEnded: 2 });

    // Disabling again changes nothing and records nothing.
    expect((await apply(await actorFor(admin), member.id, { enabled: false })).changed).toBe(false);
    expect((await auditActions(member.id)).filter((e) => e.action === 'user.disabled')).toHaveLength(1);

    // Enabled again: they can sign in and their key works again.
    expect((await apply(await actorFor(admin), member.id, { enabled: true })).changed).toBe(true);
    expect(await statusOf(member.id)).toBe('active');
    expect((await auditActions(member.id)).map((e) => e.action)).toContain('user.enabled');
    await signIn(t.app, member.username, TEST_PASSWORD);
    expect((await withApiKey(t.app, key)({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(200);
  });

  it('changes roles with the audit of what was added and removed, effective on the next request', async () => {
    const admin = await buildAdmin(t);
    const organization = admin.organization;
    const member = await buildUser(t, { organization, roles: ['User'] });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const before = await loadPermissions(t.deps.db, member.id, organization.id);
    expect(before?.has('users.create')).toBe(false);

    const managerId = organization.roleIds.Manager as string;
    const userRoleId = organization.roleIds.User as string;
    // Duplicates are ignored.
    await apply(await actorFor(admin), member.id, { roleIds: [managerId, managerId] });
    const after = await loadPermissions(t.deps.db, member.id, organization.id);
    expect(after?.has('users.create')).toBe(true);
    const events = (await auditActions(member.id)).filter((e) => e.action === 'user.roles_changed');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({
      added: [{ id: managerId, name: 'Manager' }],
      removed: [{ id: userRoleId, name: 'User' }],
    });
    // The open session is still valid and now carries the new permissions.
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(200);

    // The same set again: no change, no audit row.
    expect((await apply(await actorFor(admin), member.id, { roleIds: [managerId] })).changed).toBe(false);
    expect((await auditActions(member.id)).filter((e) => e.action === 'user.roles_changed')).toHaveLength(1);

    // No roles at all is allowed: a member who may do nothing but sign in.
    await apply(await actorFor(admin), member.id, { roleIds: [] });
    expect((await loadPermissions(t.deps.db, member.id, organization.id))?.size).toBe(0);
  });

  it('only changes the roles held in the actor’s organization', async () => {
    const admin = await buildAdmin(t);
    const member = await buildUser(t, { organization: admin.organization });
    const other = await buildOrganization(t);
    await addToOrganization(t, member.id, other, ['Administrator']);
    await apply(await actorFor(admin), member.id, {
      roleIds: [admin.organization.roleIds.Manager as string],
    });
    expect((await loadPermissions(t.deps.db, member.id, other.id))?.has('roles.manage')).toBe(true);
  });

  it('refuses another organization’s role with a pointer to it, writing nothing', async () => {
    const admin = await buildAdmin(t);
    const member = await buildUser(t, { organization: admin.organization });
    const other = await buildOrganization(t);
    const error = await failure(
      apply(await actorFor(admin), member.id, {
        enabled: false,
        roleIds: [admin.organization.roleIds.Manager as string, other.roleIds.Administrator as string],
      }),
    );
    expect(error.status).toBe(404);
    expect(error.code).toBe('role_not_found');
    expect(error.source).toEqual({ pointer: '/data/relationships/roles/data/1/id' });
    // The disable in the same call rolled back with it.
    expect(await statusOf(member.id)).toBe('active');
    expect(await auditActions(member.id)).toEqual([]);
  });

  it('answers 404 for a user of another organization, and 403 without the permission', async () => {
    const admin = await buildAdmin(t);
    const stranger = await buildUser(t);
    const notFound = await failure(apply(await actorFor(admin), stranger.id, { enabled: false }));
    expect(notFound.status).toBe(404);
    const missing = await failure(apply(await actorFor(admin), newId(), { enabled: false }));
    expect(missing.status).toBe(404);
    expect(await statusOf(stranger.id)).toBe('active');

    const member = await buildUser(t, { organization: admin.organization, roles: ['User'] });
    const colleague = await buildUser(t, { organization: admin.organization });
    const asMember = await actorFor(member);
    expect((await failure(apply(asMember, colleague.id, { enabled: false }))).status).toBe(403);
    const roleIds = [admin.organization.roleIds.Administrator as string];
    expect((await failure(apply(asMember, 'me', { roleIds }))).status).toBe(403);
    expect(await loadPermissions(t.deps.db, member.id, member.organizationId)).not.toContain('roles.manage');
  });

  it('keeps each permission to its own change: users.disable does not allow role changes', async () => {
    const organization = await buildOrganization(t);
    await buildAdmin(t, organization);
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const member = await buildUser(t, { organization });
    const asManager = await actorFor(manager);
    // Managers hold both users.disable and users.edit in the seeded roles: take users.edit away.
    const withoutEdit: Actor = {
      ...asManager,
      permissions: new Set([...asManager.permissions].filter((p) => p !== 'users.edit')),
    };
    expect((await apply(withoutEdit, member.id, { enabled: false })).changed).toBe(true);
    const roleIds = [organization.roleIds.Manager as string];
    expect((await failure(apply(withoutEdit, member.id, { roleIds }))).status).toBe(403);
  });

  it('refuses to disable yourself (me or your id)', async () => {
    const admin = await buildAdmin(t);
    for (const id of ['me', admin.id]) {
      const error = await failure(apply(await actorFor(admin), id, { enabled: false }));
      expect(error.status).toBe(422);
      expect(error.code).toBe('cannot_disable_self');
      expect(error.source).toEqual({ pointer: '/data/attributes/enabled' });
    }
    expect(await statusOf(admin.id)).toBe('active');
  });

  it('refuses to remove your own last administrator role, even with another administrator', async () => {
    const admin = await buildAdmin(t);
    await buildAdmin(t, admin.organization);
    const error = await failure(
      apply(await actorFor(admin), 'me', { roleIds: [admin.organization.roleIds.Manager as string] }),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('cannot_remove_own_admin_role');
    expect(error.source).toEqual({ pointer: '/data/relationships/roles' });
    // Adding a role to yourself while keeping Administrator is fine.
    const both = [
      admin.organization.roleIds.Administrator as string,
      admin.organization.roleIds.Manager as string,
    ];
    expect((await apply(await actorFor(admin), 'me', { roleIds: both })).changed).toBe(true);
  });

  it('refuses escalation: no granting or removing roles beyond your own permissions', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const member = await buildUser(t, { organization, roles: ['User'] });
    const asManager = await actorFor(manager);
    const administratorRole = organization.roleIds.Administrator as string;
    const managerRole = organization.roleIds.Manager as string;
    // A manager cannot make anyone (themselves included) an Administrator…
    for (const id of [member.id, 'me']) {
      const grant = await failure(apply(asManager, id, { roleIds: [managerRole, administratorRole] }));
      expect(grant.status).toBe(422);
      expect(grant.code).toBe('role_exceeds_own_permissions');
      expect(grant.source).toEqual({ pointer: '/data/relationships/roles/data/1/id' });
    }
    // …nor take the role away from an administrator, nor disable them.
    const demote = await failure(apply(asManager, admin.id, { roleIds: [managerRole] }));
    expect(demote.code).toBe('role_exceeds_own_permissions');
    expect(demote.source).toEqual({ pointer: '/data/relationships/roles' });
    const disable = await failure(apply(asManager, admin.id, { enabled: false }));
    expect(disable.status).toBe(403);
    expect(await statusOf(admin.id)).toBe('active');
    // Within their own permissions they can: promote a member to Manager, disable them.
    expect((await apply(asManager, member.id, { roleIds: [managerRole] })).changed).toBe(true);
    expect((await apply(asManager, member.id, { enabled: false })).changed).toBe(true);
  });

  it('keeps the organization with at least one active administrator', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    // An actor who holds every permission through a grant outside this organization's roles (as
    // a role change in flight could): the last active administrator is still protected.
    const outsider = await buildUser(t, { organization, roles: ['User'] });
    const everything: Actor = {
      ...(await actorFor(outsider)),
      permissions: (await loadPermissions(t.deps.db, admin.id, organization.id)) ?? new Set(),
    };
    const disable = await failure(apply(everything, admin.id, { enabled: false }));
    expect(disable.status).toBe(422);
    expect(disable.code).toBe('last_administrator');
    expect(disable.source).toEqual({ pointer: '/data/attributes/enabled' });
    expect(await statusOf(admin.id)).toBe('active');
    const demote = await failure(
      apply(everything, admin.id, { roleIds: [organization.roleIds.User as string] }),
    );
    expect(demote.code).toBe('last_administrator');
    expect(demote.source).toEqual({ pointer: '/data/relationships/roles' });
    // With a second administrator it works.
    await buildAdmin(t, organization);
    expect((await apply(everything, admin.id, { enabled: false })).changed).toBe(true);
  });
});
