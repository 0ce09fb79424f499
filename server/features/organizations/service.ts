import { recordAuditEvent } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { conflictField, notFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import type { RequestContext } from '../../platform/http/request-context';
import { loadPermissions } from '../access/store';
import { addMembership } from '../memberships/store';
import { authorizeOrganizationManagement, authorizeOrganizationRename } from './policy';
import {
  findMemberOrganization,
  insertOrganization,
  listMemberOrganizationsPage,
  type OrganizationRecord,
  renameOrganization,
} from './store';

const nameTaken = () =>
  conflictField('name', 'organization_name_taken', 'An organization with this name already exists.');

/** The organizations the actor is a member of. */
export async function listMyOrganizations(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<OrganizationRecord>> {
  return listMemberOrganizationsPage(deps.db, actor.userId, listQuery);
}

/** One of the actor's organizations; any other answers 404, as if it did not exist. */
export async function getMyOrganization(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  organizationId: string,
): Promise<OrganizationRecord> {
  const organization = await findMemberOrganization(deps.db, actor.userId, organizationId);
  if (!organization) throw notFound('organization');
  return organization;
}

/**
 * Creates an organization with the seeded roles; the creator becomes its Administrator (and can
 * switch to it). Names are unique case-insensitively (409 on `name`). A system actor (the first
 * start, the CLI) is no user: the organization starts without members.
 */
export async function createOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { name: string },
  context: RequestContext = {},
): Promise<OrganizationRecord> {
  authorizeOrganizationManagement(actor);
  const { db, clock } = deps;
  try {
    // The unique index on the normalized name decides, also between two concurrent requests.
    return await db.transaction().execute(async (trx) => {
      const { roleIds, ...organization } = await insertOrganization(trx, clock, input.name);
      if (actor.via.kind !== 'system') {
        await addMembership(trx, clock, actor.userId, organization.id, [roleIds.Administrator as string]);
      }
      await recordAuditEvent(trx, clock, {
        action: 'organization.created',
        organizationId: organization.id,
        actorUserId: actor.userId,
        subjectUserId: null,
        ip: context.ip ?? null,
        details: { name: organization.name, createdFrom: actor.organizationId || null },
      });
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Renames an organization the actor belongs to (404 for any other). */
export async function renameMyOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  organizationId: string,
  input: { name: string },
  context: RequestContext = {},
): Promise<OrganizationRecord> {
  authorizeOrganizationManagement(actor);
  const { db, clock } = deps;
  try {
    return await db.transaction().execute(async (trx) => {
      const organization = await findMemberOrganization(trx, actor.userId, organizationId);
      if (!organization) throw notFound('organization');
      // The permission must be held in the organization being renamed, not only the current one.
      const permissionsThere =
        organization.id === actor.organizationId
          ? undefined
          : await loadPermissions(trx, actor.userId, organization.id);
      authorizeOrganizationRename(actor, organization.id, permissionsThere);
      if (organization.name === input.name) return organization;
      const updatedAt = clock.now().toISOString();
      await renameOrganization(trx, organization.id, input.name, updatedAt);
      await recordAuditEvent(trx, clock, {
        action: 'organization.renamed',
        organizationId: organization.id,
        actorUserId: actor.userId,
        subjectUserId: null,
        ip: context.ip ?? null,
        details: { from: organization.name, to: input.name },
      });
      return { ...organization, name: input.name, updatedAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
