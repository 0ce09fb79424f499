import type { FastifyRequest } from 'fastify';

/**
 * Where a call comes from: what services record with a change (audit rows, security events,
 * sessions) and budget by (rate limits per address). Every service that needs it takes it last,
 * after the actor and the input; routes build it with `requestContextOf`, the CLI and the first
 * start pass `{ ip: null }` or nothing.
 */
export type RequestContext = {
  /** The caller's address (`request.ip`, proxies trusted per TRUST_PROXY); null or absent without a request. */
  ip?: string | null;
  /** The caller's User-Agent, kept with a session and in security events. */
  userAgent?: string | undefined;
};

/** The context of an HTTP request. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
