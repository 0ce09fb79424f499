import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../common/permissions';
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
  via: { kind: 'session'; sessionId: string; csrfToken: string } | { kind: 'api_key'; apiKeyId: string };
};

/**
 * What a route needs, declared in its `config.access` (deny by default: the app refuses to start
 * with an /api route that declares nothing). `public` routes still see an actor when there is one.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user must change their password (sign-out, the change itself…). */
    allowDuringPasswordChange?: boolean;
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
