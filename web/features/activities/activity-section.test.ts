import { describe, expect, it } from 'vitest';
import { activityFilterOf } from './activity-section';

describe("the Activity section's filter", () => {
  const all = ['emails', 'calls', 'calendarevents', 'tasks'];

  it('asks for every kind it draws when none or all are ticked, and no dates when none are set', () => {
    const none = { kinds: [], fromDate: null, toDate: null };
    expect(activityFilterOf(none, 'UTC')).toEqual({ types: all, from: undefined, to: undefined });
    expect(activityFilterOf({ ...none, kinds: ['calls'] }, 'UTC').types).toEqual(['calls']);
  });

  it('takes whole days in the viewer’s zone, the last one included', () => {
    const filter = activityFilterOf(
      { kinds: ['emails'], fromDate: '2026-03-01', toDate: '2026-03-31' },
      'Europe/Paris',
    );
    expect(filter).toEqual({
      types: ['emails'],
      from: '2026-02-28T23:00:00.000Z',
      // Summer time has begun on March 29: April 1 starts at 22:00 UTC.
      to: '2026-03-31T22:00:00.000Z',
    });
  });
});
