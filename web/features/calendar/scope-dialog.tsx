import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceScope } from '../../../common/calendar';
import '../../i18n/lazy/calendar';

/**
 * "This event repeats": which occurrences a move or resize in the calendar is for — **This
 * event**, **This and following events**, **All events** — then **Apply** (or **Cancel**, which
 * puts the event back).
 */
export function ScopeDialog({
  opened,
  onApply,
  onCancel,
  busy,
}: {
  opened: boolean;
  onApply: (scope: OccurrenceScope) => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const [scope, setScope] = useState<OccurrenceScope>('this');
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('scope.question')}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onApply(scope);
        }}
      >
        <Stack gap="md">
          <Radio.Group
            label={t('scope.label')}
            value={scope}
            onChange={(value) => setScope(value as OccurrenceScope)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="this" label={t('scope.this')} data-autofocus />
              <Radio value="following" label={t('scope.following')} />
              <Radio value="all" label={t('scope.all')} />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('scope.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
