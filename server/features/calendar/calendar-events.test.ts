import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, type TestApp } from '../../../tests/helpers/app';
import { buildMember } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

type Attributes = Record<string, unknown>;

const weeklyBerlin: Attributes = {
  title: 'Team sync',
  start: '2026-03-02T09:00:00+01:00',
  end: '2026-03-02T09:30:00+01:00',
  timeZone: 'Europe/Berlin',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO',
  backgroundColor: '#1f5fa8',
  reminders: [{ method: 'email', minutesBefore: 15 }],
};

/** /api/calendarevents and /api/calendar-occurrences (issue 14, items 1 and 8). */
describe('calendar events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-02-20T12:00:00.000Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (browser: Browser, attributes: Attributes, ownerId?: string) =>
    browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes,
          ...(ownerId ? { relationships: { owner: { data: { type: 'users', id: ownerId } } } } : {}),
        },
      },
    });
  const occurrences = (browser: Browser, owner: string, from: string, to: string) =>
    browser.request({
      method: 'GET',
      url: `/api/calendar-occurrences?filter[owner]=${owner}&filter[start][gte]=${encodeURIComponent(from)}&filter[start][lt]=${encodeURIComponent(to)}`,
    });
  const patch = (browser: Browser, id: string, attributes: Attributes, query = '') =>
    browser.request({
      method: 'PATCH',
      url: `/api/calendarevents/${id}${query}`,
      payload: { data: { type: 'calendarevents', id, attributes } },
    });
  const countEvents = async (ownerId: string) =>
    (await t.deps.db.selectFrom('calendarEvents').select('id').where('ownerId', '=', ownerId).execute())
      .length;

  it('answers 401 to anonymous requests on every route', async () => {
    const requests = [
      { method: 'POST', url: '/api/calendarevents' },
      { method: 'GET', url: '/api/calendarevents/x' },
      { method: 'PATCH', url: '/api/calendarevents/x' },
      { method: 'DELETE', url: '/api/calendarevents/x' },
      { method: 'GET', url: '/api/calendar-occurrences' },
    ] as const;
    for (const request of requests) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });

  it('keeps a weekly 09:00 Europe/Berlin event at 09:00 Berlin in March and October', async () => {
    const { user, browser } = await signedInUser(t);
    const created = await create(browser, weeklyBerlin);
    expect(created.statusCode).toBe(201);
    const { data } = created.json();
    expect(created.headers.location).toBe(`/api/calendarevents/${data.id}`);
    expect(data.attributes).toMatchObject({
      title: 'Team sync',
      start: '2026-03-02T09:00:00+01:00',
      end: '2026-03-02T09:30:00+01:00',
      allDay: false,
      timeZone: 'Europe/Berlin',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      sequence: 0,
      attendees: [],
    });
    expect(data.attributes.uid).toMatch(/@atrium$/);
    expect(data.relationships.owner.data.id).toBe(user.id);

    const march = await occurrences(browser, 'me', '2026-03-01T00:00:00+01:00', '2026-04-08T00:00:00+02:00');
    expect(march.statusCode).toBe(200);
    expect(march.json().data.map((o: { attributes: Attributes }) => o.attributes.start)).toEqual([
      '2026-03-02T09:00:00+01:00',
      '2026-03-09T09:00:00+01:00',
      '2026-03-16T09:00:00+01:00',
      '2026-03-23T09:00:00+01:00',
      '2026-03-30T09:00:00+02:00',
      '2026-04-06T09:00:00+02:00',
    ]);
    const october = await occurrences(browser, user.id, '2026-10-15T00:00:00Z', '2026-11-05T00:00:00Z');
    expect(october.json().data.map((o: { attributes: Attributes }) => o.attributes.start)).toEqual([
      '2026-10-19T09:00:00+02:00',
      '2026-10-26T09:00:00+01:00',
      '2026-11-02T09:00:00+01:00',
    ]);
    const first = march.json().data[0];
    expect(first.relationships.event.data.id).toBe(data.id);
    expect(first.attributes.originalStart).toBe('2026-03-02T08:00:00.000Z');
  });

  it('changes one occurrence, cancels another, and splits the series for "this and following"', async () => {
    const { browser } = await signedInUser(t);
    const series = (await create(browser, weeklyBerlin)).json().data;
    const march = (from: string, to: string) =>
      occurrences(browser, 'me', from, to).then((r) =>
        r.json().data.map((o: { attributes: Attributes }) => o.attributes.start),
      );

    const moved = await patch(
      browser,
      series.id,
      { start: '2026-03-09T11:00:00+01:00', end: '2026-03-09T12:00:00+01:00', title: 'Moved sync' },
      '?occurrence=2026-03-09T08:00:00.000Z&scope=this',
    );
    expect(moved.statusCode).toBe(200);
    const exception = moved.json().data;
    expect(exception.id).not.toBe(series.id);
    expect(exception.attributes).toMatchObject({
      title: 'Moved sync',
      originalStart: '2026-03-09T08:00:00.000Z',
      recurrence: null,
      uid: series.attributes.uid,
      sequence: 1,
    });
    expect(exception.relationships.recurringEvent.data.id).toBe(series.id);

    const cancelled = await browser.request({
      method: 'DELETE',
      url: `/api/calendarevents/${series.id}?occurrence=2026-03-16T08:00:00.000Z&scope=this`,
    });
    expect(cancelled.statusCode).toBe(204);
    expect(await march('2026-03-01T00:00:00Z', '2026-03-24T00:00:00Z')).toEqual([
      '2026-03-02T09:00:00+01:00',
      '2026-03-09T11:00:00+01:00',
      '2026-03-23T09:00:00+01:00',
    ]);
    const after = (await browser.request({ method: 'GET', url: `/api/calendarevents/${series.id}` })).json()
      .data;
    expect(after.attributes.cancelledOccurrences).toEqual(['2026-03-16T08:00:00.000Z']);
    expect(after.attributes.sequence).toBe(1);

    const following = await patch(
      browser,
      series.id,
      { start: '2026-03-30T14:00:00+02:00', end: '2026-03-30T15:00:00+02:00' },
      '?occurrence=2026-03-30T07:00:00.000Z&scope=following',
    );
    expect(following.statusCode).toBe(200);
    const next = following.json().data;
    expect(next.attributes.uid).not.toBe(series.attributes.uid);
    expect(next.attributes.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(await march('2026-03-20T00:00:00Z', '2026-04-14T00:00:00Z')).toEqual([
      '2026-03-23T09:00:00+01:00',
      '2026-03-30T14:00:00+02:00',
      '2026-04-06T14:00:00+02:00',
      '2026-04-13T14:00:00+02:00',
    ]);
    const truncated = (
      await browser.request({ method: 'GET', url: `/api/calendarevents/${series.id}` })
    ).json().data;
    expect(truncated.attributes.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z');
    expect(truncated.attributes.sequence).toBe(2);

    const notAnOccurrence = await patch(
      browser,
      series.id,
      { title: 'x' },
      '?occurrence=2026-03-10T08:00:00.000Z&scope=this',
    );
    expect(notAnOccurrence.statusCode).toBe(404);
  });

  it('stores all-day events as dates', async () => {
    const { browser } = await signedInUser(t);
    const created = await create(browser, {
      title: 'Conference',
      start: '2026-03-10',
      end: '2026-03-11',
      allDay: true,
      timeZone: 'America/New_York',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data.attributes).toMatchObject({
      start: '2026-03-10',
      end: '2026-03-11',
      allDay: true,
    });
    const listed = await occurrences(browser, 'me', '2026-03-11T00:00:00-05:00', '2026-03-12T00:00:00-05:00');
    expect(
      listed.json().data.map((o: { attributes: Attributes }) => [o.attributes.start, o.attributes.end]),
    ).toEqual([['2026-03-10', '2026-03-11']]);
  });

  it('refuses bad input with a pointer and stores nothing', async () => {
    const { user, browser } = await signedInUser(t);
    const cases: [Attributes, number, string, string][] = [
      [{ end: '2026-03-02T08:00:00+01:00' }, 422, 'end_before_start', '/data/attributes/end'],
      [
        { recurrence: 'FREQ=DAILY;INTERVAL=0' },
        422,
        'recurrence_interval_zero',
        '/data/attributes/recurrence',
      ],
      [{ recurrence: 'FREQ=HOURLY' }, 422, 'recurrence_too_frequent', '/data/attributes/recurrence'],
      [{ recurrence: 'FREQ=WEEKLY;BOGUS' }, 422, 'recurrence_invalid', '/data/attributes/recurrence'],
      [{ timeZone: 'Mars/Olympus' }, 422, 'validation_failed', '/data/attributes/timeZone'],
      [{ backgroundColor: 'red' }, 422, 'validation_failed', '/data/attributes/backgroundColor'],
      [
        { attendees: [{ email: 'not-an-address' }] },
        422,
        'validation_failed',
        '/data/attributes/attendees/0/email',
      ],
      [{ start: '2026-03-02 09:00' }, 422, 'invalid_date_time', '/data/attributes/start'],
      [{ title: '' }, 422, 'validation_failed', '/data/attributes/title'],
      [
        { attendees: [{ email: 'a@example.com', status: 'accepted' }] },
        400,
        'unknown_member',
        '/data/attributes/attendees/0/status',
      ],
    ];
    for (const [change, status, code, pointer] of cases) {
      const response = await create(browser, { ...weeklyBerlin, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      const [error] = response.json().errors;
      if (code !== 'validation_failed') expect(error.code, JSON.stringify(change)).toBe(code);
      expect(error.source.pointer, JSON.stringify(change)).toBe(pointer);
    }
    expect(await countEvents(user.id)).toBe(0);

    const tooLong = await occurrences(browser, 'me', '2026-01-01T00:00:00Z', '2027-01-03T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({
      code: 'range_too_long',
      source: { parameter: 'filter[start][lt]' },
    });
    const backwards = await occurrences(browser, 'me', '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    const missing = await browser.request({
      method: 'GET',
      url: '/api/calendar-occurrences?filter[owner]=me',
    });
    expect(missing.statusCode).toBe(400);
  });

  it('assigns events to members, and only owners, creators or managers change them', async () => {
    const { user: manager, browser: managerBrowser } = await signedInUser(t, { roles: ['Manager'] });
    const member = await buildMember(t, manager.organization);
    const { user: other, browser: otherBrowser } = await signedInUser(t, {
      organization: manager.organization,
    });

    const assigned = await create(managerBrowser, { ...weeklyBerlin, recurrence: null }, member.id);
    expect(assigned.statusCode).toBe(201);
    const event = assigned.json().data;
    expect(event.relationships.owner.data.id).toBe(member.id);
    expect(event.relationships.createdBy.data.id).toBe(manager.id);

    // A plain member sees it (users.view) but may not change or delete it.
    expect(
      (await otherBrowser.request({ method: 'GET', url: `/api/calendarevents/${event.id}` })).statusCode,
    ).toBe(200);
    expect((await patch(otherBrowser, event.id, { title: 'Mine now' })).statusCode).toBe(403);
    const deleted = await otherBrowser.request({ method: 'DELETE', url: `/api/calendarevents/${event.id}` });
    expect(deleted.statusCode).toBe(403);

    // Without calendar_events.assign, nobody puts events into another's calendar.
    const { browser: adminBrowser } = await signedInUser(t, {
      organization: manager.organization,
      roles: ['Administrator'],
    });
    const restricted = await adminBrowser.request({
      method: 'PATCH',
      url: `/api/roles/${manager.organization.roleIds.User}`,
      payload: { data: { type: 'roles', attributes: { permissions: ['users.view', 'update_own_profile'] } } },
    });
    expect(restricted.statusCode).toBe(200);
    const refused = await create(otherBrowser, weeklyBerlin, member.id);
    expect(refused.statusCode).toBe(403);
    expect(await countEvents(other.id)).toBe(0);

    const changed = await patch(managerBrowser, event.id, { title: 'Renamed' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.attributes).toMatchObject({ title: 'Renamed', sequence: 1 });
  });

  it("answers 404 for another organization's event, user and occurrences", async () => {
    const { browser } = await signedInUser(t);
    const { user: stranger, browser: strangerBrowser } = await signedInUser(t);
    const theirs = (await create(strangerBrowser, weeklyBerlin)).json().data;
    expect(
      (await browser.request({ method: 'GET', url: `/api/calendarevents/${theirs.id}` })).statusCode,
    ).toBe(404);
    expect((await patch(browser, theirs.id, { title: 'x' })).statusCode).toBe(404);
    expect(
      (await browser.request({ method: 'DELETE', url: `/api/calendarevents/${theirs.id}` })).statusCode,
    ).toBe(404);
    const listed = await occurrences(browser, stranger.id, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(listed.statusCode).toBe(404);
    expect((await create(browser, weeklyBerlin, stranger.id)).statusCode).toBe(404);
    expect(await countEvents(stranger.id)).toBe(1);
  });

  it('deletes a whole series with its changed occurrences', async () => {
    const { user, browser } = await signedInUser(t);
    const series = (await create(browser, weeklyBerlin)).json().data;
    await patch(browser, series.id, { title: 'Once' }, '?occurrence=2026-03-09T08:00:00.000Z&scope=this');
    expect(await countEvents(user.id)).toBe(2);
    const response = await browser.request({ method: 'DELETE', url: `/api/calendarevents/${series.id}` });
    expect(response.statusCode).toBe(204);
    expect(await countEvents(user.id)).toBe(0);
  });

  it("shows assigned events and tasks in the owner's Activity timeline, and removes them when deleted", async () => {
    const { user: manager, browser } = await signedInUser(t, { roles: ['Manager'] });
    const member = await buildMember(t, manager.organization);
    const event = (await create(browser, weeklyBerlin, member.id)).json().data;
    const task = await browser.request({
      method: 'POST',
      url: '/api/tasks',
      payload: {
        data: {
          type: 'tasks',
          attributes: { subject: 'Prepare the sync' },
          relationships: { owner: { data: { type: 'users', id: member.id } } },
        },
      },
    });
    expect(task.statusCode).toBe(201);
    const timeline = async () =>
      (await browser.request({ method: 'GET', url: `/api/users/${member.id}/activities` }))
        .json()
        .data.map((item: { type: string; attributes: Attributes }) => [
          item.type,
          item.attributes.title ?? item.attributes.subject,
        ]);
    expect(await timeline()).toEqual([
      ['calendarevents', 'Team sync'],
      ['tasks', 'Prepare the sync'],
    ]);
    await patch(browser, event.id, { title: 'Weekly sync' });
    expect((await timeline())[0]).toEqual(['calendarevents', 'Weekly sync']);
    expect(
      (await browser.request({ method: 'DELETE', url: `/api/calendarevents/${event.id}` })).statusCode,
    ).toBe(204);
    expect(await timeline()).toEqual([['tasks', 'Prepare the sync']]);
  });
});
