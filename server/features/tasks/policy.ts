import type { TaskAbilities, TaskListAbilities } from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';
import { can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/** My tasks are mine to see; another member's are visible to whoever may view the organization's users. */
export function canSeeTasksOf(actor: Actor, ownerId: string): boolean {
  return ownerId === actor.userId || can(actor, 'users.view');
}

export function authorizeTaskView(actor: Actor, ownerId: string): void {
  if (!canSeeTasksOf(actor, ownerId))
    throw forbidden("You need the permission to view users to see another user's tasks.");
}

/** Giving a task to someone else is "Assign Task" (`tasks.assign`). */
export function canAssignTasks(actor: Actor): boolean {
  return can(actor, 'tasks.assign');
}

/** My own tasks need nothing; someone else's need the permission to assign tasks. */
export function canAssignTaskTo(actor: Actor, ownerId: string): boolean {
  return ownerId === actor.userId || canAssignTasks(actor);
}

export function authorizeTaskAssignment(actor: Actor, ownerId: string): void {
  if (!canAssignTaskTo(actor, ownerId)) {
    throw forbidden('You need the permission to assign tasks to give a task to another user.');
  }
}

/** A task is edited or deleted by its creator, its owner, or with `tasks.manage` (issue 14, item 5). */
export function canChangeTask(actor: Actor, task: { ownerId: string; createdById: string | null }): boolean {
  return task.ownerId === actor.userId || task.createdById === actor.userId || can(actor, 'tasks.manage');
}

export function authorizeTaskChange(
  actor: Actor,
  task: { ownerId: string; createdById: string | null },
): void {
  if (!canChangeTask(actor, task)) {
    throw forbidden('Only the owner, the creator, or someone who may manage tasks can change this task.');
  }
}

/** `meta.abilities` of a task: what the actor may do to it. */
export function taskAbilitiesOf(
  actor: Actor,
  task: { ownerId: string; createdById: string | null },
): TaskAbilities {
  const change = canChangeTask(actor, task);
  return { update: change, delete: change };
}

/** `meta.abilities` of a tasks list: create a task of my own, or give one to someone else. */
export function taskListAbilitiesOf(actor: Actor): TaskListAbilities {
  return { create: canAssignTaskTo(actor, actor.userId), assign: canAssignTasks(actor) };
}
