import type { Kysely, Selectable } from 'kysely';
import type { DB, RemindersTable } from '../../platform/db/schema';

/** A reminder row the worker has claimed. */
export type DueReminder = Selectable<RemindersTable>;

/** What the reminder mail says, or why the reminder no longer fires. */
export type ReminderContent =
  | { cancelled: string }
  | { kind: 'task' | 'event'; title: string; at: string; allDayDate: string | null; path: string };

/**
 * What the worker needs from a feature whose records have reminders: the content of a due
 * reminder, read in the worker's transaction (which may also schedule the next one, as a
 * series does). The feature registers it beside its scheduling (`registerReminderKind`), so the
 * reminders feature imports no event or task.
 */
export type ReminderKindDefinition = {
  kind: DueReminder['kind'];
  contentOf(trx: Kysely<DB>, reminder: DueReminder, now: string): Promise<ReminderContent>;
};

const registeredKinds = new Map<DueReminder['kind'], ReminderKindDefinition>();

/** Adds a kind (again: nothing changes; another definition of a registered kind is a programming error). */
export function registerReminderKind(definition: ReminderKindDefinition): void {
  const registered = registeredKinds.get(definition.kind);
  if (registered === definition) return;
  if (registered) throw new Error(`The reminder kind ${definition.kind} is registered twice.`);
  registeredKinds.set(definition.kind, definition);
}

export function reminderKindOf(kind: DueReminder['kind']): ReminderKindDefinition | undefined {
  return registeredKinds.get(kind);
}
