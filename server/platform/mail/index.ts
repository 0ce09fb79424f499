import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Dialect } from '../db/kysely';
import type { DB } from '../db/schema';
import type { MailSignal } from '../deps';

export type MailRuntime = MailSignal & {
  stop(): Promise<void>;
  attachLogger(log: FastifyBaseLogger): void;
};

/**
 * Starts mail delivery for the process. PLACEHOLDER while the outbox worker is being built: the
 * mail delivery issue replaces this with the real worker.
 */
export function startMail(_deps: { config: Config; db: Kysely<DB>; dialect: Dialect; clock: Clock }): MailRuntime {
  return { wake() {}, stop: async () => {}, attachLogger() {} };
}
