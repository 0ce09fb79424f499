import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n/index';

const closeButtonProps = () => ({ 'aria-label': i18n.t('common:actions.closeNotification') });

/** A green notification that something was done (`title` names it, `message` says what follows). */
export function notifySuccess(title: ReactNode, message?: ReactNode): void {
  notifications.show({ closeButtonProps: closeButtonProps(), color: 'green', title, message });
}

/**
 * A red notification that something failed: `title` says what, the message says why — the
 * error's catalogued words by its API `code` (web/i18n/error-text.ts).
 */
export function notifyFailure(title: ReactNode, error: unknown): void {
  notifications.show({
    closeButtonProps: closeButtonProps(),
    color: 'red',
    title,
    message: errorText(error),
  });
}
