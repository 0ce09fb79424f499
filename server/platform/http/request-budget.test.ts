import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { isCostlyListRequest, RequestBudget } from './request-budget';

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

describe('isCostlyListRequest', () => {
  it('counts contains filters, counts of filtered lists and numbered pages past the first', () => {
    expect(isCostlyListRequest('GET', { 'filter[name][contains]': 'ann' }, undefined)).toBe(true);
    expect(isCostlyListRequest('GET', { 'page[number]': '2' }, undefined)).toBe(true);
    expect(isCostlyListRequest('GET', { 'filter[status]': 'active' }, 'totalCount')).toBe(true);
    expect(isCostlyListRequest('GET', { 'filter[status]': 'active' }, ['other', ' totalCount '])).toBe(true);
  });

  it('leaves first pages, cursor pages, unfiltered counts and writes alone', () => {
    expect(isCostlyListRequest('GET', { 'page[size]': '20', sort: '-createdAt' }, 'totalCount')).toBe(false);
    expect(isCostlyListRequest('GET', { 'page[after]': 'abc', 'filter[status]': 'active' }, undefined)).toBe(
      false,
    );
    expect(isCostlyListRequest('GET', { 'page[number]': '1' }, undefined)).toBe(false);
    expect(isCostlyListRequest('GET', { 'filter[status]': 'active' }, 'totalCountish')).toBe(false);
    expect(isCostlyListRequest('POST', { 'filter[name][contains]': 'ann' }, undefined)).toBe(false);
    expect(isCostlyListRequest('GET', null, 'totalCount')).toBe(false);
  });
});
