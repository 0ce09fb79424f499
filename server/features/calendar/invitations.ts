import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../common/login-keys';
import { formatPersonName } from '../../../common/person-name';
import type { AttendeeStatus, DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { type MailLocalization, queueMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { randomToken, sha256 } from '../../platform/secrets';
import { type EventFamily, familyCalendar } from './ical';
import {
  type AttendeeRecord,
  type CalendarEventRecord,
  findEvent,
  findPerson,
  listAttendees,
  listExceptions,
  setAnswerTokenDigest,
  setAttendeeAnswer,
} from './store';
// Registers the emails this module queues.
import './mail-templates';

/**
 * Invitations of calendar events (issue 14, item 2): every guest of an event gets an email through
 * the outbox, in the transaction of the write that caused it, with the event as a
 * `text/calendar; method=REQUEST` part (ical.ts) — on creation, on every change (the new
 * SEQUENCE), and `method=CANCEL` when the event is deleted or the guest removed. The email's
 * button opens the guest's answer page (`/calendar-answers/<token>`, answers.ts): a random token
 * per invitation, stored only as its SHA-256 digest on the guest's row (the latest invitation's
 * link is the one that answers).
 */

type Mailer = Pick<Deps, 'clock' | 'config'>;

/** The path of a guest's answer page for a token (outside /api: it works without signing in). */
export const answerPagePath = (token: string) => `/calendar-answers/${token}`;

/** The series (or single event) an event belongs to: its own id, or its series' for a changed occurrence. */
export function rootIdOf(event: Pick<CalendarEventRecord, 'id' | 'recurringEventId'>): string {
  return event.recurringEventId ?? event.id;
}

/**
 * An event with its changed occurrences, their guests and the organizer (the owner), as the
 * iCalendar writer takes it; undefined when the event is not in the organization.
 */
export async function loadFamily(
  db: Kysely<DB>,
  organizationId: string,
  rootId: string,
): Promise<EventFamily | undefined> {
  const root = await findEvent(db, organizationId, rootId);
  if (!root) return undefined;
  const exceptions = root.recurrence ? await listExceptions(db, root.id) : [];
  const rows = await listAttendees(db, [root.id, ...exceptions.map((row) => row.id)]);
  const attendees = new Map<string, AttendeeRecord[]>();
  for (const row of rows) attendees.set(row.eventId, [...(attendees.get(row.eventId) ?? []), row]);
  const owner = await findPerson(db, root.ownerId);
  if (!owner) throw new Error(`The organizer ${root.ownerId} of event ${root.id} is missing.`);
  const { email, ...person } = owner;
  return {
    root,
    exceptions,
    attendees,
    organizer: { name: formatPersonName(person), email, person },
  };
}

/** The family with its organizer's name as `reader` writes names (their locale and Name format). */
export function readBy(
  family: EventFamily,
  reader: Pick<MailLocalization, 'locale' | 'nameFormat'>,
): EventFamily {
  return {
    ...family,
    organizer: { ...family.organizer, name: personNameFor(reader, family.organizer.person) },
  };
}

/** Every guest of a family by normalized address: the first row (series first) that names them. */
function guestsOf(family: EventFamily | undefined): Map<string, AttendeeRecord> {
  const guests = new Map<string, AttendeeRecord>();
  if (!family) return guests;
  for (const event of [family.root, ...family.exceptions]) {
    for (const attendee of family.attendees.get(event.id) ?? []) {
      const key = normalizeEmail(attendee.email);
      if (!guests.has(key)) guests.set(key, attendee);
    }
  }
  return guests;
}

/** "Monday, 2 March 2026 at 09:00" in a locale and time zone; the dates of an all-day event. */
export function formatEventWhen(event: CalendarEventRecord, locale: string, timeZone: string): string {
  if (event.isAllDay) {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const start = format.format(new Date(`${event.startDate}T00:00:00Z`));
    return event.endDate === event.startDate
      ? start
      : `${start} – ${format.format(new Date(`${event.endDate}T00:00:00Z`))}`;
  }
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  return `${format.format(new Date(event.startsAt))} – ${format.format(new Date(event.endsAt))}`;
}

/**
 * The language, locale, time zone and name format of a guest's email, by the rule of every mail
 * (`recipientLocalization`): a member reads their own settings in the event's organization, anyone
 * else the organization's — its Language, Locale and Name format — with times in the event's own
 * time zone (a guest outside has no zone of theirs we know; the organizer chose that one).
 */
async function guestLocalization(
  db: Kysely<DB>,
  organizationId: string,
  guest: AttendeeRecord,
  event: CalendarEventRecord,
): Promise<MailLocalization> {
  const localization = await recipientLocalization(db, { organizationId, userId: guest.userId });
  if (guest.userId) return localization;
  return { ...localization, timeZone: event.timeZone };
}

function withOnlyGuest(family: EventFamily, guest: AttendeeRecord): EventFamily {
  const key = normalizeEmail(guest.email);
  const attendees = new Map<string, AttendeeRecord[]>();
  for (const [eventId, rows] of family.attendees) {
    attendees.set(
      eventId,
      rows.filter((row) => normalizeEmail(row.email) === key),
    );
  }
  return { ...family, attendees };
}

async function sendRequest(
  trx: Kysely<DB>,
  deps: Mailer,
  family: EventFamily,
  guest: AttendeeRecord,
  isNew: boolean,
  now: string,
): Promise<void> {
  const token = randomToken();
  await setAnswerTokenDigest(trx, guest.id, sha256(token));
  const localization = await guestLocalization(trx, family.root.organizationId, guest, family.root);
  const read = readBy(family, localization);
  const { root } = read;
  const when = formatEventWhen(root, localization.locale, localization.timeZone);
  await queueMail(trx, deps, {
    template: 'invitation',
    to: { address: guest.email, name: guest.displayName },
    localization,
    organizationId: root.organizationId,
    calendar: familyCalendar(read, 'REQUEST', { stamp: now }),
    data: {
      organizer: read.organizer.name,
      title: root.title,
      when,
      repeats: Boolean(root.recurrence),
      isNew,
      path: answerPagePath(token),
    },
  });
}

async function sendCancel(
  trx: Kysely<DB>,
  deps: Mailer,
  family: EventFamily,
  guest: AttendeeRecord,
  sequence: number,
  now: string,
): Promise<void> {
  const localization = await guestLocalization(trx, family.root.organizationId, guest, family.root);
  const read = readBy(family, localization);
  const { root } = read;
  await queueMail(trx, deps, {
    template: 'invitation-cancelled',
    to: { address: guest.email, name: guest.displayName },
    localization,
    organizationId: root.organizationId,
    calendar: familyCalendar({ ...withOnlyGuest(read, guest), exceptions: [] }, 'CANCEL', {
      stamp: now,
      cancelSequence: sequence,
    }),
    data: {
      organizer: read.organizer.name,
      title: root.title,
      when: formatEventWhen(root, localization.locale, localization.timeZone),
    },
  });
}

/**
 * Emails the guests after a write, in its transaction. `before`: the family as it was (absent on
 * creation); `afterRootIds`: the series/events the write left (a split "this and following"
 * leaves two). Every guest of what is left gets a REQUEST with the current SEQUENCE ("Invitation"
 * when new to it, "Updated invitation" otherwise); a guest who was invited before and is in none
 * of them gets a CANCEL (SEQUENCE: the event's current one, or one above the last sent when the
 * event is gone). The organizer's own address is never mailed. Answers how many were queued.
 */
export async function notifyGuests(
  trx: Kysely<DB>,
  deps: Mailer,
  input: {
    organizationId: string;
    before?: EventFamily | undefined;
    afterRootIds: readonly string[];
    now: string;
  },
): Promise<number> {
  const beforeGuests = guestsOf(input.before);
  const after: EventFamily[] = [];
  for (const id of new Set(input.afterRootIds)) {
    const family = await loadFamily(trx, input.organizationId, id);
    if (family) after.push(family);
  }
  let queued = 0;
  const stillInvited = new Set<string>();
  for (const family of after) {
    const organizer = normalizeEmail(family.organizer.email);
    for (const [key, guest] of guestsOf(family)) {
      stillInvited.add(key);
      if (key === organizer) continue;
      await sendRequest(trx, deps, family, guest, !beforeGuests.has(key), input.now);
      queued++;
    }
  }
  const { before } = input;
  if (before) {
    const organizer = normalizeEmail(before.organizer.email);
    const sameRoot = after.find((family) => family.root.id === before.root.id);
    const sequence = sameRoot ? sameRoot.root.sequence : before.root.sequence + 1;
    for (const [key, guest] of beforeGuests) {
      if (stillInvited.has(key) || key === organizer) continue;
      await sendCancel(trx, deps, before, guest, sequence, input.now);
      queued++;
    }
  }
  return queued;
}

/**
 * Records a guest's answer on their row and tells the organizer (the event's owner) by email, in
 * the caller's transaction. Answering the same again changes nothing and mails no one.
 * Answers the row as it is now.
 */
export async function recordAnswer(
  trx: Kysely<DB>,
  deps: Mailer,
  input: {
    event: CalendarEventRecord;
    attendee: AttendeeRecord;
    status: Exclude<AttendeeStatus, 'none'>;
    now: string;
  },
): Promise<AttendeeRecord> {
  const { event, attendee, status, now } = input;
  if (attendee.status === status) return attendee;
  await setAttendeeAnswer(trx, { eventId: event.id, attendeeId: attendee.id, status, answeredAt: now });
  const owner = await findPerson(trx, event.ownerId);
  if (owner && normalizeEmail(owner.email) !== normalizeEmail(attendee.email)) {
    const localization = await recipientLocalization(trx, {
      organizationId: event.organizationId,
      userId: event.ownerId,
    });
    const guest = attendee.displayName ? `${attendee.displayName} <${attendee.email}>` : attendee.email;
    await queueMail(trx, deps, {
      template: 'invitation-answer',
      to: { address: owner.email, name: personNameFor(localization, owner) },
      localization,
      organizationId: event.organizationId,
      data: {
        guest,
        guestName: attendee.displayName ?? attendee.email,
        status,
        title: event.title,
        when: formatEventWhen(event, localization.locale, localization.timeZone),
      },
    });
  }
  return { ...attendee, status, answeredAt: now };
}
