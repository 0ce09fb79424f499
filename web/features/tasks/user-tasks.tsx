import { Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TasksGrid } from './tasks-grid';
import '../../i18n/lazy/tasks';

/**
 * **Additional Information → User Tasks**: the tasks owned by the page's user (`me` on My User),
 * where Assign Task puts them. Loaded lazily with the page's sections below the fold.
 */
export function UserTasks({ userId }: { userId: string }) {
  const { t } = useTranslation('tasks');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" mb="xs" id={headingId}>
        {t('grid.title')}
      </Title>
      <TasksGrid owner={userId} label={t('grid.title')} />
    </section>
  );
}
