import { useTranslation } from 'react-i18next';
import { type TaskStatusName, taskTransitions } from '../../../common/calendar';
import '../../i18n/lazy/tasks';

/**
 * The statuses a task in `current` may be set to, as options of a select: where it is now, then
 * the workflow's next steps (open → In Progress or Closed; in progress → Open or Closed; closed →
 * **Reopen**). Without a status (a new task), every status.
 */
export function useStatusOptions(
  current: TaskStatusName | undefined,
): { value: TaskStatusName; label: string }[] {
  const { t } = useTranslation('tasks');
  if (!current)
    return (['open', 'in_progress', 'closed'] as const).map((value) => ({
      value,
      label: t(`status.${value}`),
    }));
  return [
    { value: current, label: t(`status.${current}`) },
    ...taskTransitions[current].map((value) => ({
      value,
      label: current === 'closed' && value === 'open' ? t('status.reopen') : t(`status.${value}`),
    })),
  ];
}
