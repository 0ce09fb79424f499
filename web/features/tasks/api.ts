import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TaskCreate, TaskPriorityName, TaskStatusName, TaskUpdate } from '../../../common/calendar';
import { apiFetch, cursorOf } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiResource } from '../../app/api-types';

/**
 * The tasks API (issue 14 item 8): `POST/GET/PATCH/DELETE /api/tasks[/{id}]`, listed with
 * `filter[owner|status|priority]`, `sort`, `include=createdBy` and cursor paging.
 */

/** A `tasks` resource (`Task` of the OpenAPI document). `dueDate` and the timestamps are ISO-8601 UTC. */
export type TaskResource = ApiResource<'Task'>;

/** What the grid sorts by (the API's sort fields). */
export type TaskSortField = 'dueDate' | 'subject' | 'priority' | 'status' | 'createdAt';

export type TaskListParams = {
  /** A user id or `me` */
  owner: string;
  sort: { field: TaskSortField; direction: 'asc' | 'desc' };
  status: TaskStatusName | null;
  priority: TaskPriorityName | null;
  size: number;
  /** Where the page starts: a cursor of the previous answer; none for the first page */
  cursor?: { after: string } | { before: string } | undefined;
};

/** A page of the grid: the tasks, their creators' names by user id, and the cursors around it. */
export type TaskPage = {
  tasks: TaskResource[];
  people: Map<string, string>;
  totalCount: number;
  nextCursor: string | undefined;
  prevCursor: string | undefined;
};

export const tasksQueryKey = ['tasks'] as const;

/** `GET /api/tasks` for the User Tasks grid and My Tasks (total count and creators included). */
export function useTasks(params: TaskListParams) {
  return useQuery({
    queryKey: [...tasksQueryKey, params],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<TaskPage> => {
      const query = new URLSearchParams();
      query.set('filter[owner]', params.owner);
      if (params.status) query.set('filter[status]', params.status);
      if (params.priority) query.set('filter[priority]', params.priority);
      query.set('sort', `${params.sort.direction === 'desc' ? '-' : ''}${params.sort.field}`);
      query.set('page[size]', String(params.size));
      if (params.cursor && 'after' in params.cursor) query.set('page[after]', params.cursor.after);
      if (params.cursor && 'before' in params.cursor) query.set('page[before]', params.cursor.before);
      query.set('include', 'createdBy');
      const document = await apiFetch<{
        data: TaskResource[];
        included?: ApiResource<'User'>[];
        meta?: { totalCount?: number };
        links?: { next?: string | null; prev?: string | null };
      }>(`${apiPaths.tasks}?${query}`, { signal, headers: { 'X-Include': 'totalCount' } });
      const people = new Map(
        (document.included ?? [])
          .filter((resource) => resource.type === 'users')
          .map((user) => [user.id, user.attributes.fullName || user.attributes.username || '']),
      );
      return {
        tasks: document.data,
        people,
        totalCount: document.meta?.totalCount ?? document.data.length,
        nextCursor: cursorOf(document.links?.next ?? undefined, 'page[after]'),
        prevCursor: cursorOf(document.links?.prev ?? undefined, 'page[before]'),
      };
    },
  });
}

/** A task's changes show in the grids and on the Activity timeline. */
function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['activities'] }),
    ]);
}

/** **Create Task** (Assign Task): `POST /api/tasks` owned by `ownerId`. */
export function useCreateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ ownerId, attributes }: { ownerId: string; attributes: TaskCreate }) =>
      apiFetch<{ data: TaskResource }>(apiPaths.tasks, {
        method: 'POST',
        body: {
          data: {
            type: 'tasks',
            attributes,
            relationships: { owner: { data: { type: 'users', id: ownerId } } },
          },
        },
      }),
    onSuccess: invalidate,
  });
}

/** A task's **Save** and the inline status: `PATCH /api/tasks/{id}` with the changed attributes. */
export function useUpdateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, attributes }: { id: string; attributes: TaskUpdate }) =>
      apiFetch<{ data: TaskResource }>(apiPaths.task(id), {
        method: 'PATCH',
        body: { data: { type: 'tasks', id, attributes } },
      }),
    onSuccess: invalidate,
  });
}

/** A task's **Delete**: `DELETE /api/tasks/{id}`. */
export function useDeleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.task(id), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Whether the task is past its due date and not closed (the grid marks it "Overdue"). */
export function isOverdue(task: TaskResource, now: Date = new Date()): boolean {
  const due = task.attributes.dueDate;
  return due !== null && task.attributes.status !== 'closed' && new Date(due).getTime() < now.getTime();
}
