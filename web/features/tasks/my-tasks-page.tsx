import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/api';
import { useFormatter } from '../../ui/format';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { TaskDialogHost } from './task-actions';
import { TasksGrid } from './tasks-grid';
import '../../i18n/lazy/tasks';

/** **My Tasks** (`/my-tasks`, from the user menu): the viewer's own tasks, in the User Tasks grid. */
export function MyTasksPage() {
  const { t } = useTranslation('tasks');
  const { data: me } = useCurrentUser();
  const format = useFormatter();
  if (!me) return <PageLoader />;
  const name = format.personName(me);
  return (
    <Page title={t('grid.myTitle')}>
      <Paper withBorder p="md" radius="md">
        <TasksGrid owner="me" label={t('grid.myTitle')} />
      </Paper>
      <TaskDialogHost owner={{ id: me.id, name }} />
    </Page>
  );
}
