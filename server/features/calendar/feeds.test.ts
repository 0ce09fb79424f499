import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  addToOrganization,
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { switchOrganization } from '../../../tests/helpers/scenarios';

type Attributes = Record<string, unknown>;

function uidsOf(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents('vevent')
    .map((vevent) => String(vevent.getFirstPropertyValue('uid')))
    .sort();
}

/** Issue 14 item 4: private calendar feeds and single-event downloads. */
describe('calendar feeds and .ics downloads', () => {
  let t: TestApp;
  let acme: BuiltOrganization;
  let globex: BuiltOrganization;
  let ada: BuiltUser;
  let bob: BuiltUser;
  let adaAcme: Browser;
  let bobAcme: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-02-20T12:00:00.000Z');
    acme = await buildOrganization(t, 'Acme');
    globex = await buildOrganization(t, 'Globex');
    ada = await buildUser(t, { organization: acme, firstName: 'Ada', lastName: 'Lovelace' });
    await addToOrganization(t, ada.id, globex, ['User']);
    bob = await buildUser(t, { organization: acme, roles: ['Administrator'] });
    adaAcme = await signIn(t.app, ada.username, TEST_PASSWORD);
    bobAcme = await signIn(t.app, bob.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (browser: Browser, attributes: Attributes, ownerId?: string) => {
    const response = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            start: '2026-03-02T09:00:00+01:00',
            end: '2026-03-02T09:30:00+01:00',
            timeZone: 'Europe/Berlin',
            ...attributes,
          },
          ...(ownerId ? { relationships: { owner: { data: { type: 'users', id: ownerId } } } } : {}),
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data as { id: string; attributes: { uid: string } };
  };
  const feedRoute = (browser: Browser, method: 'POST' | 'GET' | 'DELETE') =>
    browser.request({
      method,
      url: '/api/users/me/calendar-feed',
      ...(method === 'POST' ? { payload: { data: { type: 'calendar-feeds' } } } : {}),
    });
  const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: new URL(url).pathname, headers });

  it('answers 401 without a session on every feed route and the download', async () => {
    for (const method of ['POST', 'GET', 'DELETE'] as const) {
      expect((await t.app.inject({ method, url: '/api/users/me/calendar-feed' })).statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/calendarevents/x/ical' })).statusCode).toBe(401);
  });

  it('refuses a malformed create request with a pointer, creating nothing', async () => {
    const response = await adaAcme.request({
      method: 'POST',
      url: '/api/users/me/calendar-feed',
      payload: { data: { type: 'calendarevents' } },
    });
    // JSON:API: a type the endpoint does not take is a conflict.
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].source.pointer).toBe('/data/type');
    expect(await t.deps.db.selectFrom('calendarFeeds').select('id').execute()).toEqual([]);
  });

  it("serves only the owner's events of that organization, recurring ones as RRULE", async () => {
    const weekly = await create(adaAcme, { title: 'Ada weekly', recurrence: 'FREQ=WEEKLY;BYDAY=MO' });
    const single = await create(adaAcme, { title: 'Ada single' });
    // Assigned to Ada by Bob: Ada's calendar too.
    const assigned = await create(bobAcme, { title: 'Assigned to Ada' }, ada.id);
    const bobs = await create(bobAcme, { title: 'Bob private' });
    const adaInGlobex = await signIn(t.app, ada.username, TEST_PASSWORD);
    expect((await switchOrganization(adaInGlobex, globex.id)).statusCode).toBeLessThan(300);
    const globexEvent = await create(adaInGlobex, { title: 'Ada at Globex' });

    const created = await feedRoute(adaAcme, 'POST');
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/api/users/me/calendar-feed');
    const { url } = created.json().data.attributes;
    expect(url).toMatch(/^http:\/\/atrium\.test\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the digest is stored.
    const token = /calendar-feeds\/([^.]+)\.ics/.exec(url)?.[1] as string;
    const stored = await t.deps.db.selectFrom('calendarFeeds').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    // The URL is shown once.
    const shown = await feedRoute(adaAcme, 'GET');
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data.attributes.url).toBeNull();

    const feed = await fetchFeed(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, max-age=900');
    expect(uidsOf(feed.body)).toEqual(
      [weekly.attributes.uid, single.attributes.uid, assigned.attributes.uid].sort(),
    );
    expect(feed.body).not.toContain(bobs.attributes.uid);
    expect(feed.body).not.toContain(globexEvent.attributes.uid);
    expect(feed.body).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(feed.body).not.toContain('METHOD:');
    // Revalidation with the ETag.
    const again = await fetchFeed(url, { 'if-none-match': String(feed.headers.etag) });
    expect(again.statusCode).toBe(304);

    // Ada's feed in Globex is another feed with Globex's events only.
    const globexFeed = await feedRoute(adaInGlobex, 'POST');
    expect(globexFeed.statusCode).toBe(201);
    const globexText = (await fetchFeed(globexFeed.json().data.attributes.url)).body;
    expect(uidsOf(globexText)).toEqual([globexEvent.attributes.uid]);
    // And the Acme feed still works.
    expect((await fetchFeed(url)).statusCode).toBe(200);
  });

  it('answers 404 for a wrong, a replaced and a revoked token alike', async () => {
    const { user } = { user: await buildUser(t, { organization: acme }) };
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    // No feed yet is an answer, not an error (the Integrations page asks on every visit).
    const none = await feedRoute(browser, 'GET');
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json().data).toBeNull();
    expect((await feedRoute(browser, 'DELETE')).statusCode).toBe(404);
    const first = (await feedRoute(browser, 'POST')).json().data.attributes.url as string;
    const second = (await feedRoute(browser, 'POST')).json().data.attributes.url as string;
    expect(second).not.toBe(first);
    const wrong = await t.app.inject({ method: 'GET', url: `/calendar-feeds/${'A'.repeat(43)}.ics` });
    expect(wrong.statusCode).toBe(404);
    const replaced = await fetchFeed(first);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.body).toBe(wrong.body);
    expect((await fetchFeed(second)).statusCode).toBe(200);
    expect((await feedRoute(browser, 'GET')).json().data.id).toEqual(expect.any(String));
    expect((await feedRoute(browser, 'DELETE')).statusCode).toBe(204);
    expect((await feedRoute(browser, 'GET')).json().data).toBeNull();
    const revoked = await fetchFeed(second);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).toBe(wrong.body);
    expect((await t.app.inject({ method: 'GET', url: '/calendar-feeds/whatever' })).statusCode).toBe(404);
  });

  it('stops serving once its owner leaves the organization or is disabled', async () => {
    const leaver = await buildUser(t, { organization: acme });
    const disabled = await buildUser(t, { organization: acme });
    const urls: string[] = [];
    for (const user of [leaver, disabled]) {
      const browser = await signIn(t.app, user.username, TEST_PASSWORD);
      urls.push((await feedRoute(browser, 'POST')).json().data.attributes.url as string);
    }
    for (const url of urls) expect((await fetchFeed(url)).statusCode).toBe(200);
    await t.deps.db
      .deleteFrom('memberships')
      .where('userId', '=', leaver.id)
      .where('organizationId', '=', acme.id)
      .execute();
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    for (const url of urls) expect((await fetchFeed(url)).statusCode).toBe(404);
  });

  it('downloads one event as .ics for whoever may see it; another organization gets 404', async () => {
    const event = await create(adaAcme, {
      title: 'Quarterly: review',
      recurrence: 'FREQ=MONTHLY;BYDAY=1MO',
      attendees: [{ email: 'carol@partner.example' }],
    });
    const download = await adaAcme.request({ method: 'GET', url: `/api/calendarevents/${event.id}/ical` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(String(download.headers['content-disposition'])).toContain('Quarterly review.ics');
    const calendar = new ICAL.Component(ICAL.parse(download.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(vevent.getFirstPropertyValue('uid')).toBe(event.attributes.uid);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(String(vevent.getFirstPropertyValue('rrule'))).toBe('FREQ=MONTHLY;BYDAY=1MO');

    // Bob (Administrator, users.view) may see Ada's calendar: he may download it.
    expect(
      (await bobAcme.request({ method: 'GET', url: `/api/calendarevents/${event.id}/ical` })).statusCode,
    ).toBe(200);
    // A member without users.view: 403; another organization: 404.
    const plain = await buildUser(t, { organization: acme, roles: [] });
    const plainBrowser = await signIn(t.app, plain.username, TEST_PASSWORD);
    expect(
      (await plainBrowser.request({ method: 'GET', url: `/api/calendarevents/${event.id}/ical` })).statusCode,
    ).toBe(403);
    const outsider = await buildUser(t, {
      organization: await buildOrganization(t),
      roles: ['Administrator'],
    });
    const outsiderBrowser = await signIn(t.app, outsider.username, TEST_PASSWORD);
    expect(
      (await outsiderBrowser.request({ method: 'GET', url: `/api/calendarevents/${event.id}/ical` }))
        .statusCode,
    ).toBe(404);
  });
});
