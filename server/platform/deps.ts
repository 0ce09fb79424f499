import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Dialect } from './db/kysely';
import type { DB } from './db/schema';
import type { PasswordHasher } from './hashing';

/** Wakes the mail worker after a transaction that queued mail has committed. */
export type MailSignal = { wake(): void };

/**
 * What features are built from. Each service function takes only the parts it uses
 * (`Pick<Deps, 'db' | 'clock'>`), so its dependencies stay visible in its signature.
 */
export type Deps = {
  config: Config;
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  hasher: PasswordHasher;
  mail: MailSignal;
  log: FastifyBaseLogger;
};
