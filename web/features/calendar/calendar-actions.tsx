import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoreActionProvider } from '../../ui/more-actions';
import '../../i18n/lazy/activities';

const EventDialog = lazy(() => import('./event-dialog').then((m) => ({ default: m.EventDialog })));

/** Puts events into other users' calendars (server/features/calendar/policy.ts). */

let assignOpen = false;
const listeners = new Set<() => void>();

/** Opens (or closes) the **Assign Event To** dialog of the user's page. */
export function openAssignEvent(open: boolean): void {
  assignOpen = open;
  for (const listener of listeners) listener();
}

function useAssignOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => assignOpen,
  );
}

/** The Assign Event To dialog, loaded when first opened. */
function AssignEventDialog({ owner }: { owner: { id: string; name: string } }) {
  const open = useAssignOpen();
  // Leaving the page closes it.
  useEffect(() => () => openAssignEvent(false), []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <EventDialog opened onClose={() => openAssignEvent(false)} owner={owner} />
    </Suspense>
  );
}

/**
 * **More Actions → Assign Event**: when the server allows it (`meta.abilities.assignEvent`: my own
 * page, or anyone's with `calendar_events.assign`).
 */
export const calendarMoreActions: MoreActionProvider = (context) => useCalendarMoreActions(context);

function useCalendarMoreActions(context: Parameters<MoreActionProvider>[0]): ReturnType<MoreActionProvider> {
  const { t } = useTranslation('activities');
  const allowed = context.abilities.assignEvent;
  if (!allowed) return { actions: [] };
  return {
    actions: [
      { key: 'assign_event', label: t('actions.assignEvent'), onSelect: () => openAssignEvent(true) },
    ],
    dialogs: <AssignEventDialog owner={{ id: context.user.id, name: context.user.name }} />,
  };
}
