import { useSyncExternalStore } from 'react';
import type { CallResource, EmailResource } from './api';

/**
 * Which activity dialog is open on the user's page. More Actions, the icons beside the addresses
 * and phone, and the Activity section's Reply and Edit all open the same dialogs; the page shows
 * one at a time, so one small store outside React holds it.
 */
export type ActivityDialog =
  | { kind: 'email'; address?: string | undefined; replyTo?: EmailResource | undefined }
  | {
      kind: 'call';
      phoneNumber?: string | undefined;
      notes?: string | undefined;
      call?: CallResource | undefined;
    }
  | null;

let current: ActivityDialog = null;
const listeners = new Set<() => void>();

/** Opens a dialog (replacing any open one); `null` closes it. */
export function openActivityDialog(dialog: ActivityDialog): void {
  current = dialog;
  for (const listener of listeners) listener();
}

/** The dialog open now. */
export function useActivityDialog(): ActivityDialog {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
