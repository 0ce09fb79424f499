import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoreActionProvider } from '../../ui/more-actions';
import { openTaskDialog, useTaskDialog } from './dialog-store';
import '../../i18n/lazy/activities';

const TaskDialog = lazy(() => import('./task-dialog').then((m) => ({ default: m.TaskDialog })));

/**
 * The task dialog of a page (Assign Task, or a task opened for Edit), loaded when first opened.
 * `owner` is whose tasks the page shows: the page's user, or the viewer on My Tasks.
 */
export function TaskDialogHost({ owner }: { owner: { id: string; name: string } }) {
  const dialog = useTaskDialog();
  // Leaving the page closes what was open.
  useEffect(() => () => openTaskDialog(null), []);
  if (!dialog) return null;
  return (
    <Suspense fallback={null}>
      <TaskDialog
        onClose={() => openTaskDialog(null)}
        owner={owner}
        task={dialog.kind === 'edit' ? dialog.task : undefined}
      />
    </Suspense>
  );
}

/** **More Actions → Assign Task**, when the server allows it (`meta.abilities.assignTask`). */
export const taskMoreActions: MoreActionProvider = (context) => useTaskMoreActions(context);

function useTaskMoreActions(context: Parameters<MoreActionProvider>[0]): ReturnType<MoreActionProvider> {
  const { t } = useTranslation('activities');
  return {
    actions: context.abilities.assignTask
      ? [
          {
            key: 'assign_task',
            label: t('actions.assignTask'),
            onSelect: () => openTaskDialog({ kind: 'create' }),
          },
        ]
      : [],
    dialogs: <TaskDialogHost owner={{ id: context.user.id, name: context.user.name }} />,
  };
}
