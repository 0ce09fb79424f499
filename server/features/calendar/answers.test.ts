import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { writeSetting } from '../../platform/settings';

type Attributes = Record<string, unknown>;

/** Issue 14 item 2: guests answer (members in Atrium, anyone by the link), the organizer is told. */
describe('answers to invitations', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let ada: BuiltUser;
  let bob: BuiltUser;
  let dora: BuiltUser;
  let adaBrowser: Browser;
  let bobBrowser: Browser;
  let doraBrowser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-02-20T12:00:00.000Z');
    organization = await buildOrganization(t, 'Acme');
    ada = await buildUser(t, {
      organization,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.example',
    });
    bob = await buildUser(t, { organization, firstName: 'Bob', lastName: 'Byte', email: 'bob@acme.example' });
    // Dora may see other users' calendars (Administrator) but is not invited.
    dora = await buildUser(t, { organization, roles: ['Administrator'], email: 'dora@acme.example' });
    adaBrowser = await signIn(t.app, ada.username, TEST_PASSWORD);
    bobBrowser = await signIn(t.app, bob.username, TEST_PASSWORD);
    doraBrowser = await signIn(t.app, dora.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const createEvent = async (attributes: Attributes = {}) => {
    const response = await adaBrowser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Budget review',
            start: '2026-03-02T09:00:00+01:00',
            end: '2026-03-02T10:00:00+01:00',
            timeZone: 'Europe/Berlin',
            attendees: [
              { email: 'bob@acme.example' },
              { email: 'carol@partner.example', displayName: 'Carol' },
            ],
            ...attributes,
          },
        },
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json().data as { id: string; attributes: Attributes };
  };
  const answer = (browser: Browser, id: string, status: unknown) =>
    browser.request({
      method: 'PATCH',
      url: `/api/calendarevents/${id}/answer`,
      payload: { data: { type: 'calendar-event-answers', attributes: { status } } },
    });
  const mailsTo = (address: string) =>
    t.deps.db
      .selectFrom('mailOutbox')
      .select(['subject', 'textBody', 'htmlBody', 'calendar'])
      .where('toAddress', '=', address)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  /** The answer link of the latest invitation to an address. */
  const latestLink = async (address: string) => {
    const mails = await mailsTo(address);
    const text = mails.at(-1)?.textBody ?? '';
    const link = /http:\/\/atrium\.test(\/calendar-answers\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!link) throw new Error(`no answer link in the mail to ${address}`);
    return link;
  };
  const attendeeStatuses = async (id: string) =>
    (await adaBrowser.request({ method: 'GET', url: `/api/calendarevents/${id}` }))
      .json()
      .data.attributes.attendees.map((a: { email: string; status: string }) => `${a.email}:${a.status}`);

  it("shows a member the events they are invited to in their own calendar, on request, and nobody else's invitations", async () => {
    const event = await createEvent({
      title: 'Weekly sync',
      recurrence: 'FREQ=WEEKLY;COUNT=3',
      start: '2026-03-03T09:00:00+01:00',
      end: '2026-03-03T09:30:00+01:00',
    });
    const range = 'filter[start][gte]=2026-03-01T00:00:00Z&filter[start][lt]=2026-04-01T00:00:00Z';
    const occurrences = async (browser: Browser, query: string) => {
      const response = await browser.request({
        method: 'GET',
        url: `/api/calendar-occurrences?${query}&${range}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return (
        response.json().data as {
          attributes: { title: string };
          relationships: { event: { data: { id: string } }; owner: { data: { id: string } } };
        }[]
      ).filter((item) => item.relationships.event.data.id === event.id);
    };
    // Bob's own calendar: only with invitations included, every occurrence, owned by Ada.
    expect(await occurrences(bobBrowser, 'filter[owner]=me')).toHaveLength(0);
    const invited = await occurrences(bobBrowser, 'filter[owner]=me&filter[invitations]=include');
    expect(invited).toHaveLength(3);
    expect(invited.every((item) => item.relationships.owner.data.id === ada.id)).toBe(true);
    // Ada's calendar holds it once (her own event), not again as an invitation.
    expect(await occurrences(adaBrowser, 'filter[owner]=me&filter[invitations]=include')).toHaveLength(3);
    // Dora (not invited) sees none; nobody lists another user's invitations.
    expect(await occurrences(doraBrowser, 'filter[owner]=me&filter[invitations]=include')).toHaveLength(0);
    const others = await doraBrowser.request({
      method: 'GET',
      url: `/api/calendar-occurrences?filter[owner]=${bob.id}&filter[invitations]=include&${range}`,
    });
    expect(others.statusCode).toBe(400);
    expect(others.json().errors[0].source).toEqual({ parameter: 'filter[invitations]' });
    // The guest opens it and answers from there.
    expect(
      (await bobBrowser.request({ method: 'GET', url: `/api/calendarevents/${event.id}` })).statusCode,
    ).toBe(200);
    expect((await answer(bobBrowser, event.id, 'accepted')).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/calendarevents/x/answer',
      headers: { 'content-type': 'application/vnd.api+json' },
      payload: { data: { type: 'calendar-event-answers', attributes: { status: 'accepted' } } },
    });
    expect(response.statusCode).toBe(401);
  });

  it('lets an organization user who is a guest accept; the API shows it and the organizer is told', async () => {
    const event = await createEvent();
    const before = (await mailsTo('ada@acme.example')).length;
    const response = await answer(bobBrowser, event.id, 'accepted');
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      type: 'calendar-event-answers',
      attributes: { status: 'accepted', email: 'bob@acme.example', answeredAt: '2026-02-20T12:00:00.000Z' },
      relationships: { event: { data: { type: 'calendarevents', id: event.id } } },
    });
    expect(await attendeeStatuses(event.id)).toEqual([
      'bob@acme.example:accepted',
      'carol@partner.example:none',
    ]);
    const told = (await mailsTo('ada@acme.example')).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toMatch(/^bob@acme\.example accepted: Budget review/);
    expect(told[0]?.calendar).toBeNull();

    // The same answer again changes nothing and mails no one; another answer does.
    expect((await answer(bobBrowser, event.id, 'accepted')).statusCode).toBe(200);
    expect((await mailsTo('ada@acme.example')).length).toBe(before + 1);
    expect((await answer(bobBrowser, event.id, 'tentative')).json().data.attributes.status).toBe('tentative');
    expect((await mailsTo('ada@acme.example')).length).toBe(before + 2);
    // A guest may open the event although they may not see Ada's calendar.
    expect(
      (await bobBrowser.request({ method: 'GET', url: `/api/calendarevents/${event.id}` })).statusCode,
    ).toBe(200);
  });

  it('refuses a non-guest (403 when they may see the event), another organization (404) and bad input (422)', async () => {
    const event = await createEvent();
    const notGuest = await answer(doraBrowser, event.id, 'accepted');
    expect(notGuest.statusCode).toBe(403);
    expect(notGuest.json().errors[0].code).toBe('not_a_guest');

    const outsider = await buildUser(t, {
      organization: await buildOrganization(t),
      roles: ['Administrator'],
    });
    const outsiderBrowser = await signIn(t.app, outsider.username, TEST_PASSWORD);
    expect((await answer(outsiderBrowser, event.id, 'accepted')).statusCode).toBe(404);
    // Ada's own member of the same org without users.view: not a guest, cannot see it → 404.
    const eve = await buildUser(t, { organization, roles: [] });
    expect(
      (await answer(await signIn(t.app, eve.username, TEST_PASSWORD), event.id, 'accepted')).statusCode,
    ).toBe(404);

    const invalid = await answer(bobBrowser, event.id, 'maybe');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].source.pointer).toBe('/data/attributes/status');
    const none = await answer(bobBrowser, event.id, 'none');
    expect(none.statusCode).toBe(422);
    expect(await attendeeStatuses(event.id)).toEqual(['bob@acme.example:none', 'carol@partner.example:none']);
  });

  it('lets an external guest answer by the link in the invitation, without signing in', async () => {
    const event = await createEvent();
    const link = await latestLink('carol@partner.example');

    const page = await t.app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.body).toContain('Budget review');
    expect(page.body).toContain('Ada Lovelace');
    // The app's icon (web/public/favicon.svg, served from the build): no 404 for /favicon.ico.
    expect(page.body).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon\.svg">/);
    for (const label of ['Accept', 'Tentative', 'Decline']) expect(page.body).toContain(`>${label}</button>`);
    // Opening the page answers nothing.
    expect(await attendeeStatuses(event.id)).toContain('carol@partner.example:none');

    const before = (await mailsTo('ada@acme.example')).length;
    const posted = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://atrium.test' },
      payload: 'answer=declined',
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.body).toContain('Your answer: <strong>Declined</strong>');
    expect(await attendeeStatuses(event.id)).toContain('carol@partner.example:declined');
    const told = (await mailsTo('ada@acme.example')).slice(before);
    expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/^Carol declined: Budget review/)]);
  });

  it('refuses a cross-site POST, an unknown answer, and a wrong, replaced or expired link alike (404)', async () => {
    const event = await createEvent({
      start: '2026-03-03T09:00:00+01:00',
      end: '2026-03-03T10:00:00+01:00',
    });
    const link = await latestLink('carol@partner.example');
    const post = (url: string, body: string, origin = 'http://atrium.test') =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        payload: body,
      });
    expect((await post(link, 'answer=accepted', 'https://evil.example')).statusCode).toBe(403);
    expect((await post(link, 'answer=none')).statusCode).toBe(400);
    expect(await attendeeStatuses(event.id)).toContain('carol@partner.example:none');

    const wrong = await t.app.inject({ method: 'GET', url: '/calendar-answers/not-a-token' });
    expect(wrong.statusCode).toBe(404);

    // A change sends a new invitation: its link answers, the older one no longer does.
    await adaBrowser.request({
      method: 'PATCH',
      url: `/api/calendarevents/${event.id}`,
      payload: { data: { type: 'calendarevents', id: event.id, attributes: { title: 'Budget review II' } } },
    });
    const newer = await latestLink('carol@partner.example');
    expect(newer).not.toBe(link);
    const replaced = await t.app.inject({ method: 'GET', url: link });
    expect(replaced.statusCode).toBe(404);
    expect(replaced.body).toBe(wrong.body);
    expect((await t.app.inject({ method: 'GET', url: newer })).statusCode).toBe(200);

    // After the event ended the link is 404 like a wrong one, and answers nothing.
    t.clock.set('2026-03-03T09:00:01.000Z');
    const expired = await t.app.inject({ method: 'GET', url: newer });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toBe(wrong.body);
    expect((await post(newer, 'answer=accepted')).statusCode).toBe(404);
    // (read from the table: the browser's session has timed out by now)
    const row = await t.deps.db
      .selectFrom('calendarEventAttendees')
      .select('status')
      .where('eventId', '=', event.id)
      .where('email', '=', 'carol@partner.example')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('none');
    t.clock.set('2026-02-20T12:00:00.000Z');
  });

  it("speaks the organization's language to a guest from outside, as the invitation did, with an Arabic page right to left", async () => {
    const scope = { organizationId: organization.id };
    const setLanguage = async (language: 'de' | 'ar' | undefined, locale: string | undefined) => {
      await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.language', language);
      await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.locale', locale);
    };
    try {
      await setLanguage('de', 'de-DE');
      const event = await createEvent({ title: 'Quartalsplanung' });
      const link = await latestLink('carol@partner.example');
      const german = await t.app.inject({ method: 'GET', url: link });
      expect(german.statusCode).toBe(200);
      expect(german.headers['content-language']).toBe('de');
      expect(german.body).toContain('<html lang="de">');
      expect(german.body).toContain('<dt>Wann</dt>');
      // The event's time in its own zone (Europe/Berlin), in the organization's locale.
      expect(german.body).toContain('Montag, 2. März 2026');
      expect(german.body).toContain('<legend>Nehmen Sie teil?</legend>');
      expect(german.body).toContain('>Zusagen</button>');
      expect(german.body).toContain('Ihre Antwort: <strong>Noch nicht beantwortet</strong>');
      expect(german.body).not.toMatch(/When|Will you attend|Accept</);
      const answered = await t.app.inject({
        method: 'POST',
        url: link,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://atrium.test' },
        payload: 'answer=tentative',
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.body).toContain('Vielen Dank. Ihre Antwort: <strong>Vorläufig zugesagt</strong>');
      const unanswerable = await t.app.inject({
        method: 'POST',
        url: link,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://atrium.test' },
        payload: 'answer=maybe',
      });
      expect(unanswerable.statusCode).toBe(400);
      expect(unanswerable.body).toContain('<h1>Wählen Sie Zusagen, Vorläufig oder Absagen</h1>');

      await setLanguage('ar', undefined);
      const arabic = await t.app.inject({ method: 'GET', url: link });
      expect(arabic.statusCode).toBe(200);
      expect(arabic.headers['content-language']).toBe('ar');
      expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
      expect(arabic.body).toContain('<legend>هل ستحضر؟</legend>');
      expect(arabic.body).toContain('ردّك: <strong>مبدئي</strong>');
      // The guest's address and the title keep their own direction inside the Arabic page.
      expect(arabic.body).toContain('<dd><bdi>carol@partner.example</bdi></dd>');
      expect(arabic.body).toContain('<h1><bdi>Quartalsplanung</bdi></h1>');

      // Without an invitation behind the link, the system's language (English here), whatever the
      // organization's: a wrong link answers as a replaced or expired one.
      const wrong = await t.app.inject({ method: 'GET', url: '/calendar-answers/not-a-token' });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).toContain('<html lang="en">');
      await adaBrowser.request({ method: 'DELETE', url: `/api/calendarevents/${event.id}` });
    } finally {
      await setLanguage(undefined, undefined);
    }
  });
});
