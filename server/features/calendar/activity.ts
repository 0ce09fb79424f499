import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { can } from '../../platform/http/access';
import type { ActivityKindDefinition } from '../activities/kinds';
import { deleteActivities, replaceActivityTargets, updateActivities } from '../activities/store';
import { calendarEventResource, presentCalendarEvent } from './presenter';
import { findEvent, listAttendees } from './store';

/**
 * Keeps the Activity index in step with events (in the write's transaction): a series or single
 * event is one item on its owner's timeline, at its (first) start, by its creator; a changed
 * occurrence is part of its series; a deleted event leaves the timeline.
 */
export async function syncEventActivities(
  trx: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
  now: string,
): Promise<void> {
  for (const id of new Set(ids)) {
    const ref = { organizationId, kind: 'calendar_event' as const, recordId: id };
    const event = await findEvent(trx, organizationId, id);
    if (!event || event.recurringEventId !== null) {
      if (!event) await deleteActivities(trx, ref);
      continue;
    }
    const summary = {
      authorId: event.createdById,
      occurredAt: event.startsAt,
      subject: event.title,
      status: null,
    };
    await replaceActivityTargets(trx, ref, summary, [event.ownerId], now);
    await updateActivities(trx, ref, summary, now);
  }
}

/** Calendar events on the Activity timeline, as GET /api/calendarevents/{id} presents them. */
export const calendarEventActivityKind: ActivityKindDefinition = {
  kind: 'calendar_event',
  type: 'calendarevents',
  resource: calendarEventResource,
  fields: Object.keys(calendarEventResource.shape.attributes.shape),
  isVisibleTo: (actor, targetUserId) => targetUserId === actor.userId || can(actor, 'users.view'),
  async present(db, organizationId, recordIds) {
    const events = (await Promise.all(recordIds.map((id) => findEvent(db, organizationId, id)))).filter(
      (event) => event !== undefined,
    );
    const attendees = await listAttendees(
      db,
      events.map((event) => event.id),
    );
    return new Map(
      events.map((event) => [
        event.id,
        presentCalendarEvent(
          event,
          attendees.filter((attendee) => attendee.eventId === event.id),
        ),
      ]),
    );
  },
};
