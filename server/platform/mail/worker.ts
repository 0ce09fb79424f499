import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Dialect } from '../db/kysely';
import type { DB } from '../db/schema';
import {
  type ClaimedMessage,
  claimDueMessages,
  findNextDueTime,
  markMessageAttemptFailed,
  markMessageSent,
  releaseClaims,
} from './store';
import type { MailTransport } from './transport';

/** After this many failed attempts a message is `failed` and waits for a person to retry it. */
export const MAX_ATTEMPTS = 10;
/** A claim older than this is considered abandoned (its worker died) and is claimed again. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * The wait before the next attempt after `failedAttempts` failures: 2 s, 4 s, 8 s … capped at
 * 5 minutes, plus up to 25 % jitter (never past the cap), so workers retrying together spread out.
 */
export function retryDelay(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
  return Math.min(MAX_RETRY_MS, Math.round(base * (1 + 0.25 * random())));
}

export type WorkerLog = {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
};

export type MailWorkerOptions = {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  transport: MailTransport;
  log?: WorkerLog;
  workerId?: string;
  /** Claim lease (default 2 minutes). */
  leaseMs?: number;
  /** How many messages one claim takes (default 20). */
  batchSize?: number;
  /** Messages sent at once (default 4). */
  concurrency?: number;
  /** Longest sleep between looks at the outbox, for mail queued by other processes (default 5 s). */
  pollIntervalMs?: number;
  /**
   * Fault injection for tests: runs after the transport accepted a message and before it is
   * marked sent. Throwing here behaves like a process dying at that moment.
   */
  afterAccepted?: (message: ClaimedMessage) => void | Promise<void>;
  /** Signal for tests: the loop found nothing due and goes to sleep for up to `delayMs`. */
  onIdle?: (delayMs: number) => void;
};

export type MailWorker = {
  readonly workerId: string;
  /** Starts the background loop. */
  start(): void;
  /** Look at the outbox now (after a transaction that queued mail committed). */
  wake(): void;
  /** Stop claiming; resolves when the sends in progress have finished. */
  stop(): Promise<void>;
  /** One pass: claim a batch and send it. Returns how many messages were claimed. */
  runOnce(): Promise<number>;
  /** Passes until nothing is due (for the CLI, tests and benchmarks). Returns messages claimed. */
  drain(): Promise<number>;
};

const silentLog: WorkerLog = { info() {}, warn() {}, error() {} };

export function defaultWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** What sending a claimed batch needs: the worker's settings and whether it is shutting down. */
type Sender = {
  db: Kysely<DB>;
  clock: Clock;
  transport: MailTransport;
  workerId: string;
  concurrency: number;
  log: () => WorkerLog;
  afterAccepted: MailWorkerOptions['afterAccepted'];
  isStopping: () => boolean;
};

/**
 * Sends one claimed message and records the outcome. It is marked sent only after the transport
 * accepted it; a failure to record that leaves the claim to expire (sent again, never lost).
 */
async function sendOne(sender: Sender, message: ClaimedMessage): Promise<void> {
  try {
    await sender.transport.send(message);
  } catch (error) {
    await recordFailure(sender, message, error);
    return;
  }
  try {
    await sender.afterAccepted?.(message);
    const marked = await markMessageSent(
      sender.db,
      message.id,
      sender.workerId,
      sender.clock.now().toISOString(),
    );
    if (!marked) sender.log().warn({ mailId: message.id }, 'mail sent after its claim expired');
  } catch (error) {
    // Accepted but not recorded: the claim expires and the message goes out again with the
    // same Message-ID (at least once, duplicates detectable). Never marked failed from here.
    sender.log().error({ mailId: message.id, err: error }, 'mail was accepted but could not be marked sent');
  }
}

/** A refused attempt: retried after `retryDelay`, or `failed` for good after MAX_ATTEMPTS. */
async function recordFailure(sender: Sender, message: ClaimedMessage, error: unknown): Promise<void> {
  const { clock, log } = sender;
  const reason = describeError(error);
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  const nextAttemptAt = giveUp
    ? null
    : new Date(clock.now().getTime() + retryDelay(message.attempts)).toISOString();
  try {
    await markMessageAttemptFailed(sender.db, message.id, sender.workerId, {
      now: clock.now().toISOString(),
      error: reason,
      nextAttemptAt,
    });
    const level = giveUp ? 'error' : 'warn';
    log()[level](
      { mailId: message.id, attempts: message.attempts, nextAttemptAt, error: reason },
      giveUp ? 'mail failed for good' : 'mail attempt failed; will retry',
    );
  } catch (dbError) {
    log().error({ mailId: message.id, err: dbError }, 'could not record a failed mail attempt');
  }
}

/** Sends a claimed batch, `concurrency` at a time; on shutdown hands back the claims not begun. */
async function sendBatch(sender: Sender, messages: ClaimedMessage[]): Promise<void> {
  const queue = [...messages];
  const lanes = Array.from({ length: Math.min(sender.concurrency, queue.length) }, async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      await sendOne(sender, message);
      if (sender.isStopping()) break;
    }
  });
  await Promise.all(lanes);
  if (queue.length > 0) {
    // Shutting down: hand the rest back now rather than after the lease.
    await releaseClaims(
      sender.db,
      queue.map((message) => message.id),
      sender.workerId,
      sender.clock.now().toISOString(),
    ).catch((error: unknown) => sender.log().error({ err: error }, 'could not release mail claims'));
  }
}

/** The background loop's state, shared by `start`, `wake`, `stop` and the wait between passes. */
type LoopState = {
  running: boolean;
  stopping: boolean;
  wakeRequested: boolean;
  wakeUp: (() => void) | undefined;
};

/**
 * The loop found nothing due: sleeps until the next message is due (a retry or an expired claim),
 * at most `pollIntervalMs` (mail queued by other processes), or until woken or stopped.
 */
async function sleepUntilDue(
  settings: Pick<MailWorkerOptions, 'db' | 'clock' | 'onIdle'> & { leaseMs: number; pollIntervalMs: number },
  state: LoopState,
  log: () => WorkerLog,
): Promise<void> {
  if (state.wakeRequested || state.stopping) return;
  let delay = settings.pollIntervalMs;
  try {
    const nextDue = await findNextDueTime(settings.db, settings.leaseMs);
    if (nextDue !== undefined)
      delay = Math.min(delay, Math.max(50, Date.parse(nextDue) - settings.clock.now().getTime()));
  } catch (error) {
    log().error({ err: error }, 'mail worker could not read the outbox');
  }
  if (state.wakeRequested || state.stopping) return;
  settings.onIdle?.(delay);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, delay);
    timer.unref?.();
    state.wakeUp = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  state.wakeUp = undefined;
}

export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, dialect, clock } = options;
  const workerId = options.workerId ?? defaultWorkerId();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const batchSize = options.batchSize ?? 20;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const log = () => options.log ?? silentLog;
  const state: LoopState = { running: false, stopping: false, wakeRequested: false, wakeUp: undefined };
  const sender: Sender = {
    db,
    clock,
    transport: options.transport,
    workerId,
    concurrency: Math.max(1, options.concurrency ?? 4),
    log,
    afterAccepted: options.afterAccepted,
    isStopping: () => state.stopping,
  };
  let loopDone: Promise<void> = Promise.resolve();
  let pass: Promise<number> | undefined;

  async function runPass(): Promise<number> {
    const current = clock.now();
    const claimed = await claimDueMessages(db, dialect, {
      workerId,
      now: current.toISOString(),
      leaseCutoff: new Date(current.getTime() - leaseMs).toISOString(),
      limit: batchSize,
    });
    if (claimed.length > 0) await sendBatch(sender, claimed);
    return claimed.length;
  }

  function runOnce(): Promise<number> {
    // One pass at a time per worker, whoever asks (loop, CLI, tests).
    const previous = pass ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => (state.stopping && state.running ? 0 : runPass()));
    pass = next;
    return next.finally(() => {
      if (pass === next) pass = undefined;
    });
  }

  async function loop(): Promise<void> {
    while (!state.stopping) {
      state.wakeRequested = false;
      let claimed = 0;
      try {
        claimed = await runOnce();
      } catch (error) {
        log().error({ err: error }, 'mail worker pass failed');
      }
      if (state.stopping) break;
      if (claimed === 0) await sleepUntilDue({ ...options, leaseMs, pollIntervalMs }, state, log);
    }
  }

  return {
    workerId,
    start() {
      if (state.running) return;
      state.running = true;
      state.stopping = false;
      loopDone = loop();
    },
    wake() {
      state.wakeRequested = true;
      state.wakeUp?.();
    },
    async stop() {
      state.stopping = true;
      state.wakeUp?.();
      await loopDone;
      await pass?.catch(() => 0);
      state.running = false;
      options.transport.close();
    },
    runOnce,
    async drain() {
      let total = 0;
      for (let claimed = await runOnce(); claimed > 0; claimed = await runOnce()) total += claimed;
      return total;
    },
  };
}

/** One line for `last_error`: the SMTP response when there is one, never a stack. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { response, code, message } = error as { response?: unknown; code?: unknown; message?: unknown };
    const text =
      typeof response === 'string' && response ? response : typeof message === 'string' ? message : '';
    const prefix = typeof code === 'string' && code && !text.includes(code) ? `${code}: ` : '';
    const line = `${prefix}${text}`.replace(/\s+/g, ' ').trim();
    if (line) return line.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}
