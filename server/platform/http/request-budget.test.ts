import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { RequestBudget } from './request-budget';

describe('RequestBudget', () => {
  it('counts each key apart within a window, then starts over', () => {
    const clock = manualClock('2026-01-15T09:00:00.000Z');
    const budget = new RequestBudget(3, 60_000, clock);
    expect([1, 2, 3].map(() => budget.spend('a').remaining)).toEqual([2, 1, 0]);
    const spent = budget.spend('a');
    expect(spent).toEqual({ limit: 3, remaining: 0, resetSeconds: 60, isExceeded: true });
    expect(budget.spend('b')).toMatchObject({ remaining: 2, isExceeded: false });

    clock.advance(59_001);
    expect(budget.spend('a')).toMatchObject({ isExceeded: true, resetSeconds: 1 });
    clock.advance(999);
    expect(budget.spend('a')).toEqual({ limit: 3, remaining: 2, resetSeconds: 60, isExceeded: false });
  });

  it('forgets callers whose window ended', () => {
    const clock = manualClock();
    const budget = new RequestBudget(1, 1_000, clock);
    for (let i = 0; i < 1_000; i++) budget.spend(`caller ${i}`);
    expect(budget.trackedKeys).toBe(1_000);
    clock.advance(61_000);
    budget.spend('late');
    expect(budget.trackedKeys).toBe(1);
    // A returning caller starts afresh.
    expect(budget.spend('caller 1')).toMatchObject({ remaining: 0, isExceeded: false });
    expect(budget.trackedKeys).toBe(2);
  });
});
