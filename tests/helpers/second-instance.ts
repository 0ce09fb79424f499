import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { type PostgresCache, postgresCacheOf } from '../../server/platform/db/postgres-cache';
import { resolveSettings } from '../../server/platform/settings';
import type { TestApp } from './app';
import { testDatabaseKind } from './database';

/**
 * A second app instance on the test app's database, with a pool (and on PostgreSQL a cache and
 * listening connection) of its own: what another process behind the load balancer would be.
 * Close it before the test app.
 */
export async function openSecondInstance(t: TestApp): Promise<{ db: Database; app: FastifyInstance }> {
  const db = openDatabase(t.database.config, t.database.schema ? { schema: t.database.schema } : {});
  const app = await buildApp({ ...t.deps, db: db.db, webDist: false, logger: false });
  await app.ready();
  return { db, app };
}

/** The PostgreSQL cache of a database handle (throws on SQLite, which has none). */
export function cacheOf(db: Database['db']): PostgresCache {
  const cache = postgresCacheOf(db);
  if (!cache) throw new Error('no PostgreSQL cache');
  return cache;
}

/** Resolves once the cache's listening connection is up (first use opens it); no-op on SQLite. */
export async function cacheListening(db: Database['db']): Promise<void> {
  if (testDatabaseKind() !== 'postgres') return;
  const cache = cacheOf(db);
  const ready = once(cache.events, 'listening');
  await resolveSettings(db, {});
  if (!cache.isListening()) await ready;
}
