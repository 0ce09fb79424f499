import type { FastifyRequest } from 'fastify';
import { type Permission, permissions } from '../../../common/permissions';
import { forbidden, unauthenticated } from './errors';

/**
 * Who is acting: the signed-in user in the organization of their session, or the owner of an API
 * key in the key's organization. The organization never comes from a header or parameter.
 */
export type Actor = {
  userId: string;
  organizationId: string;
  permissions: ReadonlySet<Permission>;
  mustChangePassword: boolean;
  via:
    | { kind: 'session'; sessionId: string; csrfToken: string }
    | { kind: 'api_key'; apiKeyId: string }
    | { kind: 'system'; tool: SystemTool };
};

/** Who acts without a user: the operator's `atrium` command, or the process at its first start. */
export type SystemTool = 'cli' | 'first_start';

/** The `userId` of a system actor: never a user's id (those are UUIDs), so it matches nobody. */
const SYSTEM_USER_ID_PREFIX = 'system:';

/**
 * The actor of the operator's shell (`npx atrium …`) and of the first start: every permission, in
 * the organization it works on (null while creating the first one), no user. The services treat it as any actor (same rules, same
 * refusals); the audit writer records it as no actor user with `details.via` = the tool (see
 * `systemToolOf`). It is never the result of authenticating a request.
 */
export function systemActor(organizationId: string | null, tool: SystemTool): Actor {
  return {
    userId: `${SYSTEM_USER_ID_PREFIX}${tool}`,
    // null: no organization yet (creating the first one); matches no organization's id.
    organizationId: organizationId ?? '',
    permissions: new Set(permissions),
    mustChangePassword: false,
    via: { kind: 'system', tool },
  };
}

/** The tool of a system actor's `userId` (as services pass `actor.userId` on), or undefined for a user. */
export function systemToolOf(userId: string | null): SystemTool | undefined {
  if (!userId?.startsWith(SYSTEM_USER_ID_PREFIX)) return undefined;
  const tool = userId.slice(SYSTEM_USER_ID_PREFIX.length);
  return tool === 'cli' || tool === 'first_start' ? tool : undefined;
}

/**
 * What a route needs, declared in its `config.access` (deny by default: the app refuses to start
 * with an /api route that declares nothing). `public` routes still see an actor when there is one.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/** The actor of an authenticated route (the access hook has already refused anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** The user a path or filter names: `me` stands for the actor wherever a user id is accepted. */
export function resolveUserId(actor: Actor, id: string): string {
  return id === 'me' ? actor.userId : id;
}
