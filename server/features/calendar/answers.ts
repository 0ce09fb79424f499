import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, notFound } from '../../platform/http/errors';
import type { MailLocalization } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { sha256 } from '../../platform/secrets';
import { recordAnswer } from './invitations';
import { canSeeCalendarOf } from './policy';
import {
  type AttendeeRecord,
  type CalendarEventRecord,
  findEvent,
  findGuest,
  findGuestByAnswerDigest,
  lockEvent,
} from './store';

/**
 * Guests' answers to invitations (issue 14, item 2): organization users answer in Atrium
 * (`PATCH /api/calendarevents/{id}/answer`), anyone invited by address through the link of their
 * invitation (`/calendar-answers/<token>`, public-routes.ts). Each answer is written on the
 * guest's row (the attendee `status` of the API) and the organizer is told by email.
 */

export const answerStatuses = ['accepted', 'tentative', 'declined'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export function isAnswerStatus(value: unknown): value is AnswerStatus {
  return typeof value === 'string' && (answerStatuses as readonly string[]).includes(value);
}

type AnswerDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>;

/**
 * The answer of the signed-in user to an event of their organization they are a guest of.
 * @throws AppError 404 when the event is not in the actor's organization, or the actor neither is
 *   a guest nor may see it; 403 `not_a_guest` when they may see it but are not invited.
 */
export async function answerAsMember(
  deps: AnswerDeps,
  actor: Actor,
  eventId: string,
  status: AnswerStatus,
): Promise<{ event: CalendarEventRecord; attendee: AttendeeRecord }> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, actor.organizationId, eventId);
    if (!event) throw notFound('calendar event');
    const attendee = await findGuest(trx, event.id, actor.userId);
    if (!attendee) {
      if (!canSeeCalendarOf(actor, event.ownerId)) throw notFound('calendar event');
      throw new AppError('forbidden', 'not_a_guest', 'You are not a guest of this event.');
    }
    const now = deps.clock.now().toISOString();
    return { event, attendee: await recordAnswer(trx, deps, { event, attendee, status, now }) };
  });
  deps.mail.wake();
  return result;
}

/**
 * What the answer page shows: the event, the guest, the organizer's name, and how the guest reads
 * it — the language, locale and time zone of their invitation email (a member's own settings in
 * the event's organization, anyone else the organization's with the event's time zone).
 */
export type AnswerPage = {
  event: CalendarEventRecord;
  attendee: AttendeeRecord;
  organizerName: string;
  reader: Pick<MailLocalization, 'language' | 'locale' | 'timeZone'>;
};

/** The end of what a link answers for: the series' last occurrence (null: never ends) or the event's end. */
function answerableUntil(event: CalendarEventRecord): string | null {
  return event.recurrence ? event.seriesEndsAt : event.endsAt;
}

/**
 * The guest and event an answer link's token names, or undefined for a token that is wrong,
 * replaced by a later invitation, or whose event has ended or is gone. The same work either way:
 * one indexed lookup by the token's SHA-256 digest (never by the token) with its event.
 */
export async function findAnswerPage(
  db: Kysely<DB>,
  token: string,
  now: string,
): Promise<AnswerPage | undefined> {
  const row = await findGuestByAnswerDigest(db, sha256(token));
  // The event is read whether or not the token was found: the same work either way.
  const found = await findEvent(db, row?.organizationId ?? '', row?.eventId ?? '');
  // The guest reads the page: a member's Name format, else the organization's (also read either way).
  const reader = await recipientLocalization(db, {
    organizationId: row?.organizationId,
    userId: row?.userId,
  });
  if (!row || !found) return undefined;
  const { organizationId: _, namePrefix, firstName, middleName, lastName, nameSuffix, ...attendee } = row;
  const until = answerableUntil(found);
  if (until !== null && Date.parse(until) <= Date.parse(now)) return undefined;
  return {
    event: found,
    attendee,
    organizerName: personNameFor(reader, { namePrefix, firstName, middleName, lastName, nameSuffix }),
    reader: {
      language: reader.language,
      locale: reader.locale,
      timeZone: attendee.userId ? reader.timeZone : found.timeZone,
    },
  };
}

/** Records an answer given through a link (see `findAnswerPage`); undefined when the link no longer answers. */
export async function answerByToken(
  deps: AnswerDeps,
  token: string,
  status: AnswerStatus,
): Promise<AnswerPage | undefined> {
  const now = deps.clock.now().toISOString();
  const result = await deps.db.transaction().execute(async (trx) => {
    const page = await findAnswerPage(trx, token, now);
    if (!page) return undefined;
    await lockEvent(trx, page.event.organizationId, page.event.id);
    const attendee = await recordAnswer(trx, deps, {
      event: page.event,
      attendee: page.attendee,
      status,
      now,
    });
    return { ...page, attendee };
  });
  if (result) deps.mail.wake();
  return result;
}
