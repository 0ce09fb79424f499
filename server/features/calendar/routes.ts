import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarEventCreateSchema,
  calendarEventUpdateSchema,
  occurrenceScopes,
} from '../../../common/calendar';
import { checkedInstant, instantText } from '../../../common/instant';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { notFound } from '../../platform/http/errors';
import { listDocument, resourceDocument } from '../../platform/http/jsonapi';
import { parseUserParameter } from '../../platform/http/jsonapi/filter-values';
import { MAX_QUERY_VALUE_LENGTH } from '../../platform/http/jsonapi/query-schema';
import {
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { resourceBody, toOne } from '../../platform/http/schemas';
import { attachmentDisposition } from '../files/routes';
import { answerAsMember, answerStatuses } from './answers';
import { createFeed, feedPath, findFeed, revokeFeed } from './feed';
import { familyCalendar } from './ical';
import { loadFamily, rootIdOf } from './invitations';
import {
  answerResource,
  calendarEventPath,
  calendarEventResource,
  feedResource,
  occurrenceResource,
  presentAnswer,
  presentCalendarEvent,
  presentFeed,
  presentOccurrence,
} from './presenter';
import {
  createCalendarEvent,
  deleteCalendarEvent,
  getCalendarEvent,
  listCalendarOccurrences,
  MAX_OCCURRENCES_PER_REQUEST,
  updateCalendarEvent,
} from './service';
import { listAttendees } from './store';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const createBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('calendarevents', { error: 'The type must be "calendarevents".' }),
    attributes: calendarEventCreateSchema,
    relationships: z.strictObject({ owner: toOne('users') }).optional(),
  }),
});
const updateBody = resourceBody('calendarevents', calendarEventUpdateSchema, { id: true });
const eventDocument = resourceDocumentSchema(calendarEventResource);
const answerBody = resourceBody(
  'calendar-event-answers',
  z.strictObject({
    status: z.enum(answerStatuses, { error: 'Answer "accepted", "tentative" or "declined".' }),
  }),
  { id: true },
);
const calendarText = z
  .string()
  .max(50 * 1024 * 1024)
  .meta({ contentMediaType: 'text/calendar' });
const FEED_PATH = '/api/users/me/calendar-feed';
/** Nothing to say: the body may be omitted (README: a body with no attributes may be omitted). */
const feedBody = z
  .strictObject({
    data: z.strictObject({
      type: z.literal('calendar-feeds', { error: 'The type must be "calendar-feeds".' }),
    }),
  })
  .nullish();

/** Which occurrences of a series a PATCH or DELETE applies to. */
const occurrenceQuery = z.strictObject({
  occurrence: z
    .string()
    .max(40)
    .optional()
    .describe('The original start of one occurrence (`originalStart` of `calendar-occurrences`)'),
  scope: z
    .enum(occurrenceScopes)
    .optional()
    .describe('With `occurrence`: `this` (default), `following` or `all`'),
});

const rangeBound = instantText('The bound');
/** A missing one is a 400 `parameter_required` naming it (platform/http/validation.ts). */
const occurrencesQuery = z.strictObject({
  'filter[owner]': z.string().max(MAX_QUERY_VALUE_LENGTH).describe('The user whose calendar, an id or `me`'),
  'filter[invitations]': z
    .enum(['include', 'exclude'])
    .optional()
    .describe(
      '`include`: in my own calendar (`filter[owner]=me`), also the events of others I am a guest of (their `owner` is the organizer); default `exclude`',
    ),
  'filter[start][gte]': rangeBound.describe('Range start (ISO 8601 date-time with offset)'),
  'filter[start][lt]': rangeBound.describe('Range end, at most 366 days after the start'),
});

/**
 * Calendar events (OroCRM's `calendarevents`) and their expanded occurrences. Access is checked
 * by the service: my calendar is mine; another member's needs `users.view` to see,
 * `calendar_events.assign` to put events in, and to change an event one must own or have created
 * it, or hold `calendar_events.manage`.
 */
export async function calendarRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  eventRoutes(app, deps);
  occurrenceRoutes(app, deps);
  answerAndIcalRoutes(app, deps);
  feedRoutes(app, deps);
}

const tags = ['calendar'];

/** Create, read, change and delete an event (or one occurrence of a series). */
function eventRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const present = async (event: Awaited<ReturnType<typeof getCalendarEvent>>) =>
    presentCalendarEvent(event, await listAttendees(deps.db, [event.id]));

  api.post(
    '/calendarevents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'createCalendarEvent',
        summary: 'Create an event in a calendar ("Assign Event" when the owner is someone else)',
        description:
          'The `owner` relationship names the user whose calendar gets the event (default: me; someone else needs `calendar_events.assign`). `start`/`end` are ISO 8601 date-times with an offset, or dates when `allDay` (end inclusive). `recurrence` is an RFC 5545 RRULE value expanded in `timeZone` (default: the owner’s); at most daily and 1,000 occurrences a year.',
        body: createBody,
        response: { 201: jsonApiResponse('The new event', eventDocument, { Location: locationHeader }) },
      },
    },
    async (request, reply) => {
      const { attributes, relationships } = request.body.data;
      const event = await createCalendarEvent(deps, actorOf(request), {
        attributes,
        ownerId: relationships?.owner.data.id,
      });
      reply.status(201).header('location', calendarEventPath(event.id));
      return resourceDocument(await present(event));
    },
  );

  api.get(
    '/calendarevents/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getCalendarEvent',
        summary: 'One calendar event',
        description: 'A series, a single event, or a changed occurrence of a series (with `recurringEvent`).',
        params: idParams,
        response: { 200: jsonApiResponse('The event', eventDocument) },
      },
    },
    async (request) =>
      resourceDocument(await present(await getCalendarEvent(deps, actorOf(request), request.params.id))),
  );

  api.patch(
    '/calendarevents/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateCalendarEvent',
        summary: 'Change an event, one occurrence, this and the following, or all',
        description:
          'Without `occurrence`: the event (for a series, all of it; a changed timing or rule drops its changed and cancelled occurrences). With `occurrence` and `scope=this`: that occurrence only (answers the changed occurrence). `scope=following`: the series ends before it and a new series (new UID) continues from it with the changes (answers the new series). SEQUENCE rises with every change.',
        params: idParams,
        querystring: occurrenceQuery,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed event', eventDocument) },
      },
    },
    async (request) => {
      const event = await updateCalendarEvent(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes,
        request.query,
      );
      return resourceDocument(await present(event));
    },
  );

  api.delete(
    '/calendarevents/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'deleteCalendarEvent',
        summary: 'Delete an event, one occurrence, or this and the following',
        description:
          'With `occurrence`: `scope=this` cancels that occurrence (EXDATE), `following` ends the series before it. Deleting a changed occurrence cancels it.',
        params: idParams,
        querystring: occurrenceQuery,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await deleteCalendarEvent(deps, actorOf(request), request.params.id, request.query);
      return reply.status(204).send();
    },
  );
}

/** A calendar's occurrences in a range. */
function occurrenceRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/calendar-occurrences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listCalendarOccurrences',
        summary: 'The occurrences of a calendar in a range (at most a year)',
        description:
          'Every event of the user’s calendar that overlaps [`filter[start][gte]`, `filter[start][lt]`): single events, each occurrence of each series expanded in its own time zone (cancelled ones left out) and changed occurrences in place of the ones they replace, by start.',
        querystring: occurrencesQuery,
        response: {
          200: jsonApiResponse(
            'The occurrences, by start',
            collectionDocumentSchema(occurrenceResource, { paged: false, max: MAX_OCCURRENCES_PER_REQUEST }),
          ),
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const occurrences = await listCalendarOccurrences(deps, actorOf(request), {
        ownerId: parseUserParameter(query['filter[owner]'], 'filter[owner]'),
        invitations: query['filter[invitations]'] === 'include',
        from: checkedInstant(query['filter[start][gte]']),
        to: checkedInstant(query['filter[start][lt]']),
      });
      return listDocument(reply, { data: occurrences.map(presentOccurrence) });
    },
  );
}

/** What a member does with an invitation: answer it, or download the event as iCalendar. */
function answerAndIcalRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.patch(
    '/calendarevents/:id/answer',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'answerCalendarEvent',
        summary: 'My answer to an invitation: accept, tentative or decline',
        description:
          'For a guest of the event who is a user of the organization (the guest whose `user` is me). The answer becomes the guest’s `status` in the event’s `attendees`, and the organizer (the owner) is told by email. A changed occurrence of a series is answered by its own id. Not a guest: 403 when I may see the event, else 404. Guests invited by address answer through the link in their invitation.',
        params: idParams,
        body: answerBody,
        response: {
          200: jsonApiResponse('My answer as it is now', resourceDocumentSchema(answerResource)),
        },
      },
    },
    async (request) => {
      const { attendee, event } = await answerAsMember(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes.status,
      );
      return resourceDocument(presentAnswer(event, attendee));
    },
  );

  api.get(
    '/calendarevents/:id/ical',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'downloadCalendarEvent',
        summary: 'Download an event as an iCalendar file (.ics)',
        description:
          'The event’s series (or single event) with its changed occurrences, as `text/calendar` (METHOD:PUBLISH, RFC 5545) to open in a calendar application. Who may: as for `GET /api/calendarevents/{id}`.',
        params: idParams,
        response: {
          200: { description: 'The iCalendar file', content: { 'text/calendar': { schema: calendarText } } },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const event = await getCalendarEvent(deps, actor, request.params.id);
      const family = await loadFamily(deps.db, actor.organizationId, rootIdOf(event));
      if (!family) throw notFound('calendar event');
      const text = familyCalendar(family, 'PUBLISH', { stamp: deps.clock.now().toISOString() });
      const name = `${
        family.root.title
          .replace(/[^\p{L}\p{N} _-]+/gu, '')
          .trim()
          .slice(0, 80) || 'event'
      }.ics`;
      return reply
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', attachmentDisposition(name))
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );
}

const feedDocument = resourceDocumentSchema(feedResource);

/** My private calendar feed: create (or replace), look up, revoke. */
function feedRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/users/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'createCalendarFeed',
        summary: 'Create (or replace) my private calendar feed',
        description:
          'A private iCalendar feed URL of my calendar in the current organization, to subscribe to from Google Calendar, Outlook or Apple Calendar: `url` is shown in this answer only (its random token is stored as a SHA-256 digest). Creating again replaces the feed: the previous URL stops working. Body: `{"data": {"type": "calendar-feeds"}}`, or none.',
        body: feedBody,
        response: {
          201: jsonApiResponse('The feed, with its URL (this once)', feedDocument, {
            Location: locationHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const { feed, token } = await createFeed(deps, actorOf(request));
      reply.status(201).header('location', FEED_PATH);
      return resourceDocument(presentFeed(feed, new URL(feedPath(token), deps.config.publicUrl).href));
    },
  );

  api.get(
    '/users/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getCalendarFeed',
        summary: 'Whether I have a calendar feed (never its URL); `data: null` when I have none',
        description:
          'My feed in the current organization, without its URL (`url` is null). Having no feed is an answer, not an error: `data: null`.',
        response: {
          200: jsonApiResponse(
            'The feed, or `data: null`',
            resourceDocumentSchema(feedResource, { nullable: true }),
          ),
        },
      },
    },
    async (request) => {
      const feed = await findFeed(deps, actorOf(request));
      return resourceDocument(feed ? presentFeed(feed, null) : null);
    },
  );

  api.delete(
    '/users/me/calendar-feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'revokeCalendarFeed',
        summary: 'Revoke my calendar feed',
        description: 'Its URL answers 404 from now on; 404 when I have none.',
        response: { 204: emptyResponse('Revoked') },
      },
    },
    async (request, reply) => {
      await revokeFeed(deps, actorOf(request));
      return reply.status(204).send();
    },
  );
}
