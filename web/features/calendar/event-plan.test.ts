import { describe, expect, it } from 'vitest';
import type { CalendarEventResource } from './api';
import { type EventFormValues, initialEventValues, planEventSave } from './event-plan';

const zone = 'Europe/Berlin';

function event(attributes: Partial<CalendarEventResource['attributes']>): CalendarEventResource {
  return {
    id: 'e1',
    attributes: {
      title: 'Standup',
      description: null,
      start: '2026-03-02T08:00:00.000Z',
      end: '2026-03-02T08:30:00.000Z',
      allDay: false,
      timeZone: zone,
      backgroundColor: null,
      recurrence: null,
      reminders: [],
      attendees: [],
      ...attributes,
    },
  } as CalendarEventResource;
}

describe('planEventSave', () => {
  it("creates a new event in the owner's calendar with every attribute, guests read from their text", () => {
    const initial = initialEventValues(
      { initialRange: { start: '2026-03-02T08:00:00.000Z', end: '2026-03-02T09:00:00.000Z', allDay: false } },
      zone,
    );
    const submitted: EventFormValues = {
      ...initial,
      title: '  Review  ',
      description: '<p></p>',
      guests: ['Ann Example <ann@example.com>', 'bob@example.com'],
    };
    const save = planEventSave({
      submitted,
      initial,
      opening: {},
      ownerId: 'u1',
      viewerZone: zone,
      eventZone: zone,
    });
    expect(save).toEqual({
      kind: 'create',
      ownerId: 'u1',
      attributes: {
        title: 'Review',
        description: null,
        start: '2026-03-02T08:00:00.000Z',
        end: '2026-03-02T09:00:00.000Z',
        allDay: false,
        timeZone: zone,
        backgroundColor: null,
        recurrence: null,
        reminders: [],
        attendees: [
          { email: 'ann@example.com', displayName: 'Ann Example' },
          { email: 'bob@example.com', displayName: null },
        ],
      },
    });
  });

  it('sends only what changed of an event opened', () => {
    const opening = { event: event({}) };
    const initial = initialEventValues(opening, zone);
    const save = planEventSave({
      submitted: { ...initial, title: 'Daily standup' },
      initial,
      opening,
      ownerId: 'u1',
      viewerZone: zone,
      eventZone: zone,
    });
    expect(save).toEqual({ kind: 'update', target: { id: 'e1' }, attributes: { title: 'Daily standup' } });
  });

  it('sends the timing fields together when the time moved', () => {
    const opening = { event: event({}) };
    const initial = initialEventValues(opening, zone);
    const save = planEventSave({
      submitted: { ...initial, startTime: '10:00', endTime: '10:30' },
      initial,
      opening,
      ownerId: 'u1',
      viewerZone: zone,
      eventZone: zone,
    });
    expect(save).toEqual({
      kind: 'update',
      target: { id: 'e1' },
      attributes: { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:30:00.000Z', allDay: false },
    });
  });

  it("goes to the series with the scope chosen for an occurrence; one occurrence keeps the series' repeat", () => {
    const series = event({ recurrence: 'RRULE:FREQ=DAILY' });
    const occurrence = {
      seriesId: 'e1',
      originalStart: '2026-03-04T08:00:00.000Z',
      start: '2026-03-04T08:00:00.000Z',
      end: '2026-03-04T08:30:00.000Z',
    };
    const opening = { event: series, occurrence };
    const initial = initialEventValues(opening, zone);
    const repeatChanged = { ...initial.repeat, frequency: 'weekly' as const };
    const thisOne = planEventSave({
      submitted: { ...initial, title: 'Moved', repeat: repeatChanged, scope: 'this' },
      initial,
      opening,
      ownerId: 'u1',
      viewerZone: zone,
      eventZone: zone,
    });
    expect(thisOne).toEqual({
      kind: 'update',
      target: { id: 'e1', occurrence: '2026-03-04T08:00:00.000Z', scope: 'this' },
      attributes: { title: 'Moved' },
    });
  });

  it('moves the whole series by as much as the occurrence moved when all are changed', () => {
    const series = event({ recurrence: 'RRULE:FREQ=DAILY' });
    const occurrence = {
      seriesId: 'e1',
      originalStart: '2026-03-04T08:00:00.000Z',
      start: '2026-03-04T08:00:00.000Z',
      end: '2026-03-04T08:30:00.000Z',
    };
    const opening = { event: series, occurrence };
    const initial = initialEventValues(opening, zone);
    const save = planEventSave({
      submitted: { ...initial, startTime: '10:00', endTime: '10:30', scope: 'all' },
      initial,
      opening,
      ownerId: 'u1',
      viewerZone: zone,
      eventZone: zone,
    });
    expect(save).toMatchObject({
      kind: 'update',
      target: { id: 'e1', occurrence: '2026-03-04T08:00:00.000Z', scope: 'all' },
      attributes: { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:30:00.000Z', allDay: false },
    });
  });

  it('plans nothing when the start cannot be read', () => {
    const initial = initialEventValues({}, zone);
    expect(
      planEventSave({
        submitted: { ...initial, startDate: null },
        initial,
        opening: {},
        ownerId: 'u1',
        viewerZone: zone,
        eventZone: zone,
      }),
    ).toBeUndefined();
  });
});
