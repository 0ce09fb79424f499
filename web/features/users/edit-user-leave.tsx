import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Blocker, useBlocker } from '../../app/navigation';

/**
 * Leaving with unsaved changes asks first: links inside the app (answer the returned blocker with
 * `LeaveConfirmation`), and closing or reloading the tab. Call `allowLeaving()` before navigating
 * away on purpose (Save and Close).
 */
export function useLeaveGuard(isDirty: boolean) {
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
  return {
    blocker,
    allowLeaving: () => {
      leaving.current = true;
    },
  };
}

/** "Leave this page?": stay, or leave and lose the changes. */
export function LeaveConfirmation({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation(['users', 'common']);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('edit.leave.title')}
      centered
    >
      <Stack>
        <Text>{t('edit.leave.explain')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('edit.leave.stay')}
          </Button>
          <Button color="red.9" onClick={() => blocker.proceed?.()}>
            {t('edit.leave.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
