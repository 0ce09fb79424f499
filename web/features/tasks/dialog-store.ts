import { useSyncExternalStore } from 'react';
import type { TaskResource } from './api';

/**
 * The task dialog open on the page: **Assign Task** (new, for the page's user) or a task opened
 * for **Edit** from the grid or the Activity section. One at a time, held outside React so every
 * entry point opens the same dialog (as web/features/activities/dialog-store.ts does for calls).
 */
export type TaskDialog = { kind: 'create' } | { kind: 'edit'; task: TaskResource } | null;

let current: TaskDialog = null;
const listeners = new Set<() => void>();

/** Opens a task dialog (replacing any open one); `null` closes it. */
export function openTaskDialog(dialog: TaskDialog): void {
  current = dialog;
  for (const listener of listeners) listener();
}

/** The task dialog open now. */
export function useTaskDialog(): TaskDialog {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
