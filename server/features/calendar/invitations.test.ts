import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import type { ReceivedMail, SmtpSink } from '../../../tests/helpers/smtp-sink';
import { startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { createTransport } from '../../platform/mail/transport';
import { createMailWorker, type MailWorker } from '../../platform/mail/worker';

type Attributes = Record<string, unknown>;

/** The text/calendar part of a received message, its METHOD parameter, and the raw MIME headers. */
function calendarPart(mail: ReceivedMail): { text: string; method: string | undefined } {
  const part = mail.parsed.attachments.find((attachment) =>
    attachment.contentType.startsWith('text/calendar'),
  );
  if (!part) throw new Error(`no text/calendar part in "${mail.parsed.subject}"`);
  const header = /Content-Type: text\/calendar;[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/i.exec(mail.raw)?.[0] ?? '';
  return { text: part.content.toString('utf8'), method: /method=([A-Z]+)/i.exec(header)?.[1] };
}

/** Parses with ical.js (an independent parser) and registers the calendar's time zones with it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents('vevent');
  return { calendar, method: calendar.getFirstPropertyValue('method'), events };
}

function attendeesOf(vevent: ICAL.Component) {
  return vevent.getAllProperties('attendee').map((property) => ({
    address: String(property.getFirstValue())
      .replace(/^mailto:/i, '')
      .toLowerCase(),
    partstat: property.getParameter('partstat'),
    rsvp: property.getParameter('rsvp'),
  }));
}

/** Issue 14 item 2: invitations through the outbox that mail clients accept, proved with ical.js. */
describe('calendar invitations', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: MailWorker;
  let organization: BuiltOrganization;
  let ada: BuiltUser;
  let bob: BuiltUser;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    t.clock.set('2026-02-20T12:00:00.000Z');
    worker = createMailWorker({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock: t.clock,
      transport: createTransport(t.config),
    });
    organization = await buildOrganization(t, 'Acme');
    ada = await buildUser(t, {
      organization,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.example',
    });
    bob = await buildUser(t, { organization, firstName: 'Bob', lastName: 'Byte', email: 'bob@acme.example' });
    browser = await signIn(t.app, ada.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await sink?.stop();
  });

  let seen = 0;
  beforeEach(() => {
    seen = sink.messages.length;
  });
  /** Sends what the outbox holds and answers the messages that arrived since the test began. */
  async function delivered(count: number): Promise<ReceivedMail[]> {
    await worker.drain();
    const all = await sink.waitFor(seen + count);
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  }
  const to = (mails: ReceivedMail[], address: string) => {
    const mail = mails.find((m) => m.envelope.to.includes(address));
    if (!mail) throw new Error(`no mail to ${address}`);
    return mail;
  };
  const outboxCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('mailOutbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const create = (attributes: Attributes, as = browser) =>
    as.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: { data: { type: 'calendarevents', attributes } },
    });
  const patch = (id: string, attributes: Attributes, query = '', as = browser) =>
    as.request({
      method: 'PATCH',
      url: `/api/calendarevents/${id}${query}`,
      payload: { data: { type: 'calendarevents', id, attributes } },
    });

  const weekly = {
    title: 'Team sync',
    description: '<p>Agenda: <b>numbers</b></p>',
    start: '2026-03-02T09:00:00+01:00',
    end: '2026-03-02T09:30:00+01:00',
    timeZone: 'Europe/Berlin',
    recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    attendees: [{ email: 'bob@acme.example' }, { email: 'carol@partner.example', displayName: 'Carol' }],
  };

  it('invites every guest with METHOD:REQUEST, a stable UID, SEQUENCE, TZID and a VTIMEZONE ical.js understands', async () => {
    const created = await create(weekly);
    expect(created.statusCode).toBe(201);
    const event = created.json().data;
    const mails = await delivered(2);
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(['bob@acme.example', 'carol@partner.example']);

    const mail = to(mails, 'carol@partner.example');
    expect(mail.parsed.subject).toMatch(/^Invitation: Team sync\b/);
    expect(mail.parsed.text).toContain('Ada Lovelace invites you');
    expect(mail.parsed.html).toContain('Team sync');
    const part = calendarPart(mail);
    expect(part.method).toBe('REQUEST');
    const { method, events } = parse(part.text);
    expect(method).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const vevent = events[0] as ICAL.Component;
    expect(vevent.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(vevent.getFirstPropertyValue('summary')).toBe('Team sync');
    expect(String(vevent.getFirstPropertyValue('description'))).toContain('Agenda: numbers');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(vevent.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(String(vevent.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:ada@acme.example');
    expect(attendeesOf(vevent)).toEqual([
      { address: 'bob@acme.example', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
      { address: 'carol@partner.example', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
    ]);

    // The VTIMEZONE makes ical.js put every occurrence at 09:00 Berlin: 08:00Z in winter, 07:00Z in summer.
    const series = new ICAL.Event(vevent);
    expect(series.startDate.toJSDate().toISOString()).toBe('2026-03-02T08:00:00.000Z');
    const iterator = series.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 40; next = iterator.next()) {
      starts.push(next.toJSDate().toISOString());
    }
    expect(starts).toContain('2026-03-23T08:00:00.000Z');
    expect(starts).toContain('2026-03-30T07:00:00.000Z');
    expect(starts).toContain('2026-10-19T07:00:00.000Z');
    expect(starts).toContain('2026-10-26T08:00:00.000Z');
  });

  it('raises SEQUENCE on every change, cancels a removed guest and everyone when deleted', async () => {
    const event = (await create(weekly)).json().data;
    await delivered(2);

    expect((await patch(event.id, { title: 'Team sync (moved)' })).statusCode).toBe(200);
    let mails = await delivered(2);
    for (const mail of mails) {
      expect(mail.parsed.subject).toMatch(/^Updated invitation: Team sync \(moved\)/);
      const vevent = parse(calendarPart(mail).text).events[0] as ICAL.Component;
      expect(vevent.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
      expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    }

    expect((await patch(event.id, { attendees: [{ email: 'bob@acme.example' }] })).statusCode).toBe(200);
    mails = await delivered(2);
    const bobs = calendarPart(to(mails, 'bob@acme.example'));
    expect(bobs.method).toBe('REQUEST');
    expect((parse(bobs.text).events[0] as ICAL.Component).getFirstPropertyValue('sequence')).toBe(2);
    const carols = calendarPart(to(mails, 'carol@partner.example'));
    expect(carols.method).toBe('CANCEL');
    const cancelled = parse(carols.text);
    expect(cancelled.method).toBe('CANCEL');
    const cancelledEvent = cancelled.events[0] as ICAL.Component;
    expect(cancelledEvent.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
    expect(cancelledEvent.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelledEvent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(attendeesOf(cancelledEvent).map((a) => a.address)).toEqual(['carol@partner.example']);

    const deleted = await browser.request({ method: 'DELETE', url: `/api/calendarevents/${event.id}` });
    expect(deleted.statusCode).toBe(204);
    mails = await delivered(1);
    const last = calendarPart(to(mails, 'bob@acme.example'));
    expect(last.method).toBe('CANCEL');
    const lastEvent = parse(last.text).events[0] as ICAL.Component;
    expect(lastEvent.getFirstPropertyValue('sequence')).toBe(3);
    expect(lastEvent.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
  });

  it('writes an all-day event as VALUE=DATE with the exclusive end', async () => {
    const created = await create({
      title: 'Offsite',
      start: '2026-03-10',
      end: '2026-03-11',
      allDay: true,
      attendees: [{ email: 'carol@partner.example' }],
    });
    expect(created.statusCode).toBe(201);
    const vevent = parse(calendarPart((await delivered(1))[0] as ReceivedMail).text)
      .events[0] as ICAL.Component;
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(end.isDate).toBe(true);
    expect(start.toString()).toBe('2026-03-10');
    expect(end.toString()).toBe('2026-03-12');
  });

  it('sends a changed occurrence with RECURRENCE-ID and a cancelled one as EXDATE', async () => {
    const event = (await create({ ...weekly, attendees: [{ email: 'carol@partner.example' }] })).json().data;
    await delivered(1);
    const moved = await patch(
      event.id,
      { start: '2026-03-09T11:00:00+01:00', end: '2026-03-09T11:30:00+01:00' },
      `?occurrence=${encodeURIComponent('2026-03-09T08:00:00.000Z')}&scope=this`,
    );
    expect(moved.statusCode).toBe(200);
    let events = parse(calendarPart((await delivered(1))[0] as ReceivedMail).text).events;
    expect(events).toHaveLength(2);
    const exception = events.find((e) => e.hasProperty('recurrence-id')) as ICAL.Component;
    expect(exception.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
    expect((exception.getFirstPropertyValue('recurrence-id') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-03-09T08:00:00.000Z',
    );
    expect((exception.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-03-09T10:00:00.000Z',
    );

    const cancelled = await browser.request({
      method: 'DELETE',
      url: `/api/calendarevents/${event.id}?occurrence=${encodeURIComponent('2026-03-16T08:00:00.000Z')}&scope=this`,
    });
    expect(cancelled.statusCode).toBe(204);
    const part = calendarPart((await delivered(1))[0] as ReceivedMail);
    expect(part.method).toBe('REQUEST');
    events = parse(part.text).events;
    const series = events.find((e) => !e.hasProperty('recurrence-id')) as ICAL.Component;
    expect(series.getFirstProperty('exdate')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect((series.getFirstPropertyValue('exdate') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-03-16T08:00:00.000Z',
    );
    expect(series.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('never sends a lower or repeated SEQUENCE when changes race', async () => {
    const event = (await create({ ...weekly, attendees: [{ email: 'carol@partner.example' }] })).json().data;
    await delivered(1);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => patch(event.id, { title: `Race ${n}` })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const mails = await delivered(5);
    const sequences = mails
      .map((m) => (parse(calendarPart(m).text).events[0] as ICAL.Component).getFirstPropertyValue('sequence'))
      .sort();
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    const stored = await browser.request({ method: 'GET', url: `/api/calendarevents/${event.id}` });
    expect(stored.json().data.attributes.sequence).toBe(5);
  });

  it('refuses a guest address that does not parse: 422 with a pointer, nothing stored, no mail queued', async () => {
    const before = await outboxCount();
    const eventsBefore = (await t.deps.db.selectFrom('calendarEvents').select('id').execute()).length;
    const response = await create({
      ...weekly,
      attendees: [{ email: 'bob@acme.example' }, { email: 'not an address' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].source.pointer).toBe('/data/attributes/attendees/1/email');
    expect(await outboxCount()).toBe(before);
    expect((await t.deps.db.selectFrom('calendarEvents').select('id').execute()).length).toBe(eventsBefore);
  });

  it('queues no mail for any bad input of the issue on an event with guests, created or changed', async () => {
    const guests = { attendees: [{ email: 'carol@partner.example' }] };
    const cases: [Attributes, string][] = [
      [{ end: '2026-03-02T08:00:00+01:00' }, '/data/attributes/end'],
      [{ recurrence: 'FREQ=DAILY;INTERVAL=0' }, '/data/attributes/recurrence'],
      [{ recurrence: 'FREQ=HOURLY' }, '/data/attributes/recurrence'],
      [{ recurrence: 'FREQ=WEEKLY;BOGUS' }, '/data/attributes/recurrence'],
      [{ timeZone: 'Mars/Olympus' }, '/data/attributes/timeZone'],
      [{ backgroundColor: 'red' }, '/data/attributes/backgroundColor'],
      [
        { attendees: [{ email: 'carol@partner.example' }, { email: 'nobody@' }] },
        '/data/attributes/attendees/1/email',
      ],
    ];
    const event = (await create({ ...weekly, ...guests })).json().data;
    await delivered(1);
    const before = await outboxCount();
    for (const [change, pointer] of cases) {
      const created = await create({ ...weekly, ...guests, ...change });
      expect(created.statusCode, JSON.stringify(change)).toBe(422);
      expect(created.json().errors[0].source.pointer, JSON.stringify(change)).toBe(pointer);
      const changed = await patch(event.id, change);
      expect(changed.statusCode, JSON.stringify(change)).toBe(422);
      expect(changed.json().errors[0].source.pointer, JSON.stringify(change)).toBe(pointer);
    }
    expect(await outboxCount()).toBe(before);
    const stored = await browser.request({ method: 'GET', url: `/api/calendarevents/${event.id}` });
    expect(stored.json().data.attributes.sequence).toBe(0);
  });

  it('mails no one when another organization tries to change or delete the event (404)', async () => {
    const event = (await create({ ...weekly, attendees: [{ email: 'carol@partner.example' }] })).json().data;
    await delivered(1);
    const other = await buildUser(t, { organization: await buildOrganization(t), roles: ['Administrator'] });
    const stranger = await signIn(t.app, other.username, TEST_PASSWORD);
    const before = await outboxCount();
    expect((await patch(event.id, { title: 'Hijacked' }, '', stranger)).statusCode).toBe(404);
    expect(
      (await stranger.request({ method: 'DELETE', url: `/api/calendarevents/${event.id}` })).statusCode,
    ).toBe(404);
    expect(await outboxCount()).toBe(before);
  });

  it('does not mail the organizer when they list themselves as a guest', async () => {
    const before = await outboxCount();
    const created = await create({ ...weekly, attendees: [{ email: 'ada@acme.example' }] });
    expect(created.statusCode).toBe(201);
    expect(await outboxCount()).toBe(before);
    void bob;
  });
});
