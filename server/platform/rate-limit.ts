import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { DB } from './db/schema';
import { AppError } from './http/errors';

/**
 * A fixed-window counter kept in the database, so that limits that matter for security (sign-ins,
 * reset requests, token guesses) hold across several server processes. One atomic upsert.
 */
export async function consumeRateLimit(
  db: Kysely<DB>,
  clock: Clock,
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const resetAt = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('rateLimits')
    .values({ key, count: 1, resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rateLimits.resetAt', '<=', nowIso)
          .then(1)
          .else(eb('rateLimits.count', '+', 1))
          .end(),
        resetAt: eb
          .case()
          .when('rateLimits.resetAt', '<=', nowIso)
          .then(resetAt)
          .else(eb.ref('rateLimits.resetAt'))
          .end(),
      })),
    )
    .returning(['count', 'resetAt'])
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.resetAt) - now.getTime()) / 1000));
  return { allowed: row.count <= limit, retryAfterSeconds };
}

/** Throws 429 with Retry-After when the limit is spent. */
export async function enforceRateLimit(
  db: Kysely<DB>,
  clock: Clock,
  key: string,
  limit: number,
  windowMs: number,
): Promise<void> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(db, clock, key, limit, windowMs);
  if (!allowed) {
    throw new AppError('rate_limited', 'rate_limited', 'Too many attempts. Try again later.', {
      headers: { 'retry-after': String(retryAfterSeconds) },
      meta: { retryAfterSeconds },
    });
  }
}
