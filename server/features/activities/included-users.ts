import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { presentUser } from '../users/presenter';
import { listPresentableMembers } from '../users/store';

/**
 * The `users` resources an activity's `include=author,activityTargets` adds: members of the
 * organization among `ids` (a former member's id stays a bare identifier), in user-id order.
 */
export async function findIncludedUsers(
  db: Kysely<DB>,
  organizationId: string,
  ids: Iterable<string>,
): Promise<ResourceObject[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await listPresentableMembers(db, organizationId, wanted);
  return rows.map((row) => presentUser(row));
}
