import { describe, expect, it } from 'vitest';
import { isOverdue, type TaskResource } from './api';

function task(
  changes: Partial<TaskResource['attributes']> = {},
  createdBy: string | null = 'creator',
): TaskResource {
  return {
    type: 'tasks',
    id: 't1',
    links: { self: '/api/tasks/t1' },
    meta: { abilities: { update: true, delete: true } },
    attributes: {
      subject: 'Report',
      description: null,
      dueDate: '2026-03-01T09:00:00.000Z',
      priority: 'normal',
      status: 'open',
      reminders: [],
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
      ...changes,
    },
    relationships: {
      owner: { data: { type: 'users', id: 'owner' } },
      createdBy: { data: createdBy ? { type: 'users', id: createdBy } : null },
    },
  };
}

describe('isOverdue', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  it('marks an open or in-progress task past its due date', () => {
    expect(isOverdue(task(), now)).toBe(true);
    expect(isOverdue(task({ status: 'in_progress' }), now)).toBe(true);
  });
  it('never marks a closed task, one due later, or one without a due date', () => {
    expect(isOverdue(task({ status: 'closed' }), now)).toBe(false);
    expect(isOverdue(task({ dueDate: '2026-03-01T10:00:00.001Z' }), now)).toBe(false);
    expect(isOverdue(task({ dueDate: null }), now)).toBe(false);
  });
});
