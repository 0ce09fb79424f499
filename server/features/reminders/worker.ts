import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { queueMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { type DueReminder, reminderKindOf } from './kinds';
import { claimDueReminders, findReminderRecipient, scheduleReminderRetry, setReminderOutcome } from './store';
// Registers the emails this module queues.
import './mail-templates';

/** A reminder more than this late is marked `missed`, not emailed (issue 14: no burst after an outage). */
export const MISSED_AFTER_MS = 60 * 60_000;
/** After this many failed attempts a reminder is `failed`. */
export const MAX_REMINDER_ATTEMPTS = 5;
const FIRST_RETRY_MS = 30_000;

/** The wait before the next attempt after `attempts` failures: 30 s, 1 min, 2 min … */
export function reminderRetryDelay(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

type Outcome =
  | { status: 'sent' }
  | { status: 'missed' | 'cancelled'; reason: string }
  | { status: 'retry'; error: string };

async function processReminder(
  trx: Kysely<DB>,
  deps: Pick<Deps, 'clock' | 'config'>,
  reminder: DueReminder,
  now: string,
): Promise<Outcome> {
  const recipient = await findReminderRecipient(trx, reminder);
  if (!recipient || recipient.status === 'disabled') return { status: 'cancelled', reason: 'recipient gone' };

  const definition = reminderKindOf(reminder.kind);
  if (!definition) return { status: 'retry', error: `No reminder kind ${reminder.kind} is registered.` };
  const content = await definition.contentOf(trx, reminder, now);
  if ('cancelled' in content) return { status: 'cancelled', reason: content.cancelled };
  if (Date.parse(now) - Date.parse(reminder.fireAt) > MISSED_AFTER_MS) {
    return { status: 'missed', reason: 'more than an hour late' };
  }
  const localization = await recipientLocalization(trx, {
    organizationId: reminder.organizationId,
    userId: reminder.recipientId,
  });
  try {
    await queueMail(trx, deps, {
      template: 'reminder',
      to: { address: recipient.email, name: personNameFor(localization, recipient) },
      localization,
      organizationId: reminder.organizationId,
      data: content,
    });
  } catch (error) {
    // Only checks made before anything is written can throw here (an undeliverable address).
    return { status: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
  return { status: 'sent' };
}

export type ReminderPassOptions = {
  limit?: number;
  /** Fault injection for tests: runs before the pass commits; throwing is a process dying there. */
  beforeCommit?: () => void | Promise<void>;
};

/**
 * One pass of the reminder worker: claims the due reminders and, in the same transaction, emails
 * each through the outbox in its recipient's locale and time zone (`sent`), or marks it `missed`
 * (over an hour late) or `cancelled` (task closed, deleted or moved; occurrence cancelled or
 * changed; event deleted), scheduling a series' next occurrence. Answers how many it claimed.
 */
export async function runReminderPass(
  deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'config' | 'mail'>,
  options: ReminderPassOptions = {},
): Promise<number> {
  const now = deps.clock.now().toISOString();
  let sent = 0;
  const claimed = await deps.db.transaction().execute(async (trx) => {
    const rows = await claimDueReminders(trx, deps.dialect, now, options.limit ?? 50);
    for (const reminder of rows) {
      const outcome = await processReminder(trx, deps, reminder, now);
      if (outcome.status === 'retry') {
        await scheduleReminderRetry(trx, reminder.id, {
          failed: reminder.attempts >= MAX_REMINDER_ATTEMPTS,
          nextAttemptAt: new Date(Date.parse(now) + reminderRetryDelay(reminder.attempts)).toISOString(),
          error: outcome.error.slice(0, 500),
          now,
        });
        continue;
      }
      if (outcome.status === 'sent') sent++;
      await setReminderOutcome(trx, reminder.id, {
        status: outcome.status,
        sentAt: outcome.status === 'sent' ? now : null,
        lastError: outcome.status === 'sent' ? null : outcome.reason,
        now,
      });
    }
    await options.beforeCommit?.();
    return rows.length;
  });
  if (sent > 0) deps.mail.wake();
  return claimed;
}

/** Passes until nothing is due (the CLI, tests and benchmarks). */
export async function runDueReminders(
  deps: Parameters<typeof runReminderPass>[0],
  options: ReminderPassOptions = {},
): Promise<number> {
  let total = 0;
  for (
    let claimed = await runReminderPass(deps, options);
    claimed > 0;
    claimed = await runReminderPass(deps, options)
  ) {
    total += claimed;
  }
  return total;
}

/**
 * The reminder loop of a server process: a pass every `intervalMs` (default 30 s); `stop()`
 * waits for the pass in progress. Several processes may run it on one database.
 */
export function startReminderWorker(
  deps: Parameters<typeof runReminderPass>[0] & { log: { error(object: object, message: string): void } },
  intervalMs = 30_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(() => runDueReminders(deps))
      .catch((error: unknown) => deps.log.error({ err: error }, 'reminder pass failed'));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
