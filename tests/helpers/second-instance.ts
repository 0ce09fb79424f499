import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { type PostgresCache, postgresCacheOf } from '../../server/platform/db/postgres-cache';
import { MAX_VERSION_AGE_MS } from '../../server/platform/db/sqlite-reader';
import { resolveSettings } from '../../server/platform/settings';
import { createTestApp, type TestApp } from './app';
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

/** A test app and a second instance on its database (`openSecondInstance`). */
export type TwoInstances = { t: TestApp; second: Database; secondApp: FastifyInstance };

/**
 * A test app and a second instance on its database; with `listening`, both PostgreSQL caches'
 * listening connections are up before it resolves (no-op on SQLite). Close with `closeTwoInstances`.
 */
export async function openTwoInstances(options: { listening?: boolean } = {}): Promise<TwoInstances> {
  const t = await createTestApp();
  const { db: second, app: secondApp } = await openSecondInstance(t);
  if (options.listening) {
    await cacheListening(t.deps.db);
    await cacheListening(second.db);
  }
  return { t, second, secondApp };
}

/** Closes what `openTwoInstances` opened (any part that did open), the second instance first. */
export async function closeTwoInstances(instances: Partial<TwoInstances>): Promise<void> {
  await instances.secondApp?.close();
  await instances.second?.close();
  await instances.t?.close();
}

/**
 * Waits until a commit through one instance is visible to the other's kept values: on SQLite the
 * reader's version age (MAX_VERSION_AGE_MS); on PostgreSQL no wait (the round trip on the
 * listening connection confirms every change committed before it).
 */
export async function settleAcrossInstances(): Promise<void> {
  if (testDatabaseKind() !== 'postgres')
    await new Promise((resolve) => setTimeout(resolve, MAX_VERSION_AGE_MS + 1));
}
