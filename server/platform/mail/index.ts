import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Dialect } from '../db/kysely';
import type { DB } from '../db/schema';
import type { MailSignal } from '../deps';
import { createTransport, type SmtpTransportOptions } from './transport';
import { createMailWorker, type MailWorker, type MailWorkerOptions, type WorkerLog } from './worker';

export type { MailAddress, MailLocalization } from './outbox';
export { cancelQueuedMessage, queueMail, queuePersonalMail } from './outbox';
export { personNameFor, recipientLocalization } from './recipient';

export type MailRuntime = MailSignal & {
  stop(): Promise<void>;
  attachLogger(log: FastifyBaseLogger): void;
};

export type StartMailOptions = {
  /** Passed to the SMTP transport (tests: `{ tls: { rejectUnauthorized: false } }`). */
  smtp?: SmtpTransportOptions;
  /** Worker tuning and fault injection (tests). */
  worker?: Omit<MailWorkerOptions, 'db' | 'dialect' | 'clock' | 'transport' | 'log'>;
  log?: WorkerLog;
};

/**
 * Starts mail delivery for the process: the outbox worker on the configured transport (SMTP with
 * `SMTP_URL`, else the local mailbox in `DATA_DIR/mail`). With `MAIL_WORKER=off` nothing is
 * sent from this process (another one delivers); queued mail waits in the outbox.
 */
export function startMail(
  deps: { config: Config; db: Kysely<DB>; dialect: Dialect; clock: Clock },
  options: StartMailOptions = {},
): MailRuntime & { worker: MailWorker | undefined } {
  if (!deps.config.mailWorker) {
    return { worker: undefined, wake() {}, stop: async () => {}, attachLogger() {} };
  }
  let log: WorkerLog | undefined = options.log;
  const worker = createMailWorker({
    ...options.worker,
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    transport: createTransport(deps.config, options.smtp),
    log: {
      info: (object, message) => log?.info(object, message),
      warn: (object, message) => log?.warn(object, message),
      error: (object, message) => log?.error(object, message),
    },
  });
  worker.start();
  return {
    worker,
    wake: () => worker.wake(),
    stop: () => worker.stop(),
    attachLogger(logger) {
      const child = logger.child({ component: 'mail' });
      log = {
        info: (object, message) => child.info(object, message),
        warn: (object, message) => child.warn(object, message),
        error: (object, message) => child.error(object, message),
      };
    },
  };
}
