import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { newId } from '../../platform/ids';

const callBody = (attributes: Record<string, unknown>, targets?: string[]) => ({
  data: {
    type: 'calls',
    attributes,
    ...(targets
      ? { relationships: { activityTargets: { data: targets.map((id) => ({ type: 'users', id })) } } }
      : {}),
  },
});

describe('calls', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const activityRows = (recordId: string) =>
    t.deps.db
      .selectFrom('activities')
      .select(['targetUserId', 'subject', 'status', 'occurredAt', 'authorId', 'kind'])
      .where('recordId', '=', recordId)
      .orderBy('targetUserId')
      .execute();

  it('refuses anonymous callers on every route', async () => {
    const id = newId();
    for (const [method, url] of [
      ['GET', '/api/calls'],
      ['POST', '/api/calls'],
      ['GET', `/api/calls/${id}`],
      ['PATCH', `/api/calls/${id}`],
      ['DELETE', `/api/calls/${id}`],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('logs a call with OroCRM defaults, E.164 phone, and indexes it for each target in one go', async () => {
    t.clock.set(new Date('2026-11-30T10:00:00.000Z'));
    const member = await buildMember(t);
    const colleague = await buildMember(t, member.organization);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const created = await browser.request({
      method: 'POST',
      url: '/api/calls',
      payload: callBody({ subject: 'Quarterly review', phoneNumber: '(650) 253-0000 ext. 136' }, [
        colleague.id,
        member.id,
        colleague.id,
      ]),
    });
    expect(created.statusCode, created.body).toBe(201);
    const data = created.json().data;
    expect(created.headers.location).toBe(`/api/calls/${data.id}`);
    expect(data.attributes).toEqual({
      subject: 'Quarterly review',
      phoneNumber: '+16502530000;ext=136',
      notes: null,
      callDateTime: '2026-11-30T10:00:00.000Z',
      callStatus: 'completed',
      direction: 'outgoing',
      duration: 0,
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(data.relationships.author.data).toEqual({ type: 'users', id: member.id });
    expect(data.relationships.activityTargets.data).toEqual(
      [member.id, colleague.id].sort().map((id) => ({ type: 'users', id })),
    );
    const rows = await activityRows(data.id);
    expect(rows).toEqual(
      [member.id, colleague.id].sort().map((targetUserId) => ({
        targetUserId,
        subject: 'Quarterly review',
        status: 'completed',
        occurredAt: '2026-11-30T10:00:00.000Z',
        authorId: member.id,
        kind: 'call',
      })),
    );

    // Any number is accepted; one that does not parse is kept as typed. Every field can be set.
    const typed = await browser.request({
      method: 'POST',
      url: '/api/calls',
      payload: callBody({
        subject: 'Switchboard',
        phoneNumber: '*99#',
        notes: 'Line 1\nLine 2',
        callDateTime: '2026-11-29T09:30:00+01:00',
        callStatus: 'in_progress',
        direction: 'incoming',
        duration: 86_400,
      }),
    });
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json().data.attributes).toMatchObject({
      phoneNumber: '*99#',
      notes: 'Line 1\nLine 2',
      callDateTime: '2026-11-29T08:30:00.000Z',
      callStatus: 'in_progress',
      direction: 'incoming',
      duration: 86_400,
    });
    expect(typed.json().data.relationships.activityTargets.data).toEqual([]);
    expect(await activityRows(typed.json().data.id)).toEqual([]);
  });

  it('refuses invalid input with a pointer, storing nothing', async () => {
    const member = await buildMember(t);
    const outsider = await buildUser(t);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const before = await t.deps.db
      .selectFrom('calls')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    const cases: [unknown, number, string][] = [
      [callBody({ phoneNumber: '1' }), 400, '/data/attributes/subject'],
      [callBody({ subject: '', phoneNumber: '1' }), 422, '/data/attributes/subject'],
      [callBody({ subject: 'a\r\nBcc: x', phoneNumber: '1' }), 422, '/data/attributes/subject'],
      [callBody({ subject: 'x'.repeat(256), phoneNumber: '1' }), 422, '/data/attributes/subject'],
      [callBody({ subject: 'a' }), 400, '/data/attributes/phoneNumber'],
      [callBody({ subject: 'a', phoneNumber: ' ' }), 422, '/data/attributes/phoneNumber'],
      [callBody({ subject: 'a', phoneNumber: '1', duration: 86_401 }), 422, '/data/attributes/duration'],
      [callBody({ subject: 'a', phoneNumber: '1', duration: -1 }), 422, '/data/attributes/duration'],
      [callBody({ subject: 'a', phoneNumber: '1', duration: '60' }), 400, '/data/attributes/duration'],
      [
        callBody({ subject: 'a', phoneNumber: '1', callStatus: 'planned' }),
        422,
        '/data/attributes/callStatus',
      ],
      [callBody({ subject: 'a', phoneNumber: '1', direction: 'inbound' }), 422, '/data/attributes/direction'],
      [
        callBody({ subject: 'a', phoneNumber: '1', callDateTime: '2026-13-01' }),
        422,
        '/data/attributes/callDateTime',
      ],
      [
        callBody({ subject: 'a', phoneNumber: '1', organizationId: newId() }),
        400,
        '/data/attributes/organizationId',
      ],
      [
        callBody({ subject: 'a', phoneNumber: '1' }, [outsider.id]),
        404,
        '/data/relationships/activityTargets/data/0',
      ],
      [
        callBody({ subject: 'a', phoneNumber: '1' }, [member.id, newId()]),
        404,
        '/data/relationships/activityTargets/data/1',
      ],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await browser.request({
        method: 'POST',
        url: '/api/calls',
        payload: payload as object,
      });
      const label = JSON.stringify(payload);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expect(
        response.json().errors.map((error: { source?: { pointer?: string } }) => error.source?.pointer),
        label,
      ).toContain(pointer);
    }
    const after = await t.deps.db
      .selectFrom('calls')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('shows a call to its author, its targets and managers; 404 to others and other organizations', async () => {
    const author = await buildMember(t);
    const organization = author.organization;
    const target = await buildMember(t, organization);
    const bystander = await buildMember(t, organization);
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const foreignAdmin = await buildAdmin(t);
    const authorBrowser = await signIn(t.app, author.username, TEST_PASSWORD);
    const id = (
      await authorBrowser.request({
        method: 'POST',
        url: '/api/calls',
        payload: callBody({ subject: 'Private', phoneNumber: '+49 30 1234567' }, [target.id]),
      })
    ).json().data.id;
    for (const [user, visible] of [
      [author, true],
      [target, true],
      [manager, true],
      [bystander, false],
      [foreignAdmin, false],
    ] as const) {
      const browser = await signIn(t.app, user.username, TEST_PASSWORD);
      const one = await browser.request({ method: 'GET', url: `/api/calls/${id}` });
      expect(one.statusCode, user.username).toBe(visible ? 200 : 404);
      const list = await browser.request({ method: 'GET', url: '/api/calls?page[size]=100' });
      expect(list.statusCode).toBe(200);
      expect(
        list.json().data.some((call: { id: string }) => call.id === id),
        user.username,
      ).toBe(visible);
    }
    // Missing ids answer like invisible ones.
    expect((await authorBrowser.request({ method: 'GET', url: `/api/calls/${newId()}` })).statusCode).toBe(
      404,
    );
  });

  it('lets the author or calls.manage change and delete it; keeps the index in step', async () => {
    t.clock.set(new Date('2026-11-30T11:00:00.000Z'));
    const author = await buildMember(t);
    const organization = author.organization;
    const target = await buildMember(t, organization);
    const other = await buildMember(t, organization);
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const authorBrowser = await signIn(t.app, author.username, TEST_PASSWORD);
    const id = (
      await authorBrowser.request({
        method: 'POST',
        url: '/api/calls',
        payload: callBody({ subject: 'First', phoneNumber: '+14155552671' }, [target.id]),
      })
    ).json().data.id;

    // A target sees it but may not change it, and its meta.abilities says so.
    const targetBrowser = await signIn(t.app, target.username, TEST_PASSWORD);
    const seen = await targetBrowser.request({ method: 'GET', url: `/api/calls/${id}` });
    expect(seen.json().data.meta.abilities).toEqual({ update: false, delete: false });
    const managerReader = await signIn(t.app, manager.username, TEST_PASSWORD);
    const seenByManager = await managerReader.request({ method: 'GET', url: `/api/calls/${id}` });
    expect(seenByManager.json().data.meta.abilities).toEqual({ update: true, delete: true });
    const refused = await targetBrowser.request({
      method: 'PATCH',
      url: `/api/calls/${id}`,
      payload: { data: { type: 'calls', id, attributes: { subject: 'Mine now' } } },
    });
    expect(refused.statusCode).toBe(403);
    expect((await targetBrowser.request({ method: 'DELETE', url: `/api/calls/${id}` })).statusCode).toBe(403);

    t.clock.set(new Date('2026-11-30T12:00:00.000Z'));
    const changed = await authorBrowser.request({
      method: 'PATCH',
      url: `/api/calls/${id}`,
      payload: {
        data: {
          type: 'calls',
          id,
          attributes: { subject: 'Renamed', callStatus: 'in_progress', callDateTime: '2026-11-30T08:00:00Z' },
          relationships: { activityTargets: { data: [{ type: 'users', id: other.id }] } },
        },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data.meta.abilities).toEqual({ update: true, delete: true });
    expect(changed.json().data.attributes).toMatchObject({
      subject: 'Renamed',
      callStatus: 'in_progress',
      phoneNumber: '+14155552671',
      updatedAt: '2026-11-30T12:00:00.000Z',
    });
    expect(changed.json().data.relationships.activityTargets.data).toEqual([{ type: 'users', id: other.id }]);
    expect(await activityRows(id)).toEqual([
      {
        targetUserId: other.id,
        subject: 'Renamed',
        status: 'in_progress',
        occurredAt: '2026-11-30T08:00:00.000Z',
        authorId: author.id,
        kind: 'call',
      },
    ]);

    // Invalid changes change nothing.
    for (const [attributes, pointer] of [
      [{ duration: 90_000 }, '/data/attributes/duration'],
      [{ subject: '' }, '/data/attributes/subject'],
      [{ unknown: 1 }, '/data/attributes/unknown'],
    ] as const) {
      const bad = await authorBrowser.request({
        method: 'PATCH',
        url: `/api/calls/${id}`,
        payload: { data: { type: 'calls', id, attributes } },
      });
      expect(bad.statusCode).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode).toBeLessThan(500);
      expect(bad.json().errors[0].source.pointer).toBe(pointer);
    }
    const mismatch = await authorBrowser.request({
      method: 'PATCH',
      url: `/api/calls/${id}`,
      payload: { data: { type: 'calls', id: newId(), attributes: { subject: 'x' } } },
    });
    expect(mismatch.statusCode).toBe(409);
    const reread = await authorBrowser.request({ method: 'GET', url: `/api/calls/${id}` });
    expect(reread.json().data.attributes.subject).toBe('Renamed');

    // A manager may change and delete another's call.
    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const managed = await managerBrowser.request({
      method: 'PATCH',
      url: `/api/calls/${id}`,
      payload: { data: { type: 'calls', id, attributes: { duration: 65 } } },
    });
    expect(managed.statusCode).toBe(200);
    expect(managed.json().data.attributes.duration).toBe(65);
    expect((await managerBrowser.request({ method: 'DELETE', url: `/api/calls/${id}` })).statusCode).toBe(
      204,
    );
    expect(await activityRows(id)).toEqual([]);
    expect((await authorBrowser.request({ method: 'GET', url: `/api/calls/${id}` })).statusCode).toBe(404);
    expect((await managerBrowser.request({ method: 'DELETE', url: `/api/calls/${id}` })).statusCode).toBe(
      404,
    );
  });

  it('refuses logging without calls.log (403) and another organization’s call answers 404 to a manager', async () => {
    const organizationMember = await buildUser(t, { roles: [] });
    const browser = await signIn(t.app, organizationMember.username, TEST_PASSWORD);
    const refused = await browser.request({
      method: 'POST',
      url: '/api/calls',
      payload: callBody({ subject: 'a', phoneNumber: '1' }),
    });
    expect(refused.statusCode).toBe(403);

    const author = await buildMember(t);
    const authorBrowser = await signIn(t.app, author.username, TEST_PASSWORD);
    const id = (
      await authorBrowser.request({
        method: 'POST',
        url: '/api/calls',
        payload: callBody({ subject: 'a', phoneNumber: '1' }),
      })
    ).json().data.id;
    const foreignManager = await buildUser(t, { roles: ['Manager'] });
    const foreign = await signIn(t.app, foreignManager.username, TEST_PASSWORD);
    expect((await foreign.request({ method: 'GET', url: `/api/calls/${id}` })).statusCode).toBe(404);
    expect(
      (
        await foreign.request({
          method: 'PATCH',
          url: `/api/calls/${id}`,
          payload: { data: { type: 'calls', id, attributes: { subject: 'x' } } },
        })
      ).statusCode,
    ).toBe(404);
    expect((await foreign.request({ method: 'DELETE', url: `/api/calls/${id}` })).statusCode).toBe(404);
  });

  it('lists with paging by cursor, sort, filter, include, fields and totalCount', async () => {
    const author = await buildMember(t);
    const target = await buildMember(t, author.organization);
    const browser = await signIn(t.app, author.username, TEST_PASSWORD);
    for (let day = 1; day <= 5; day++) {
      const response = await browser.request({
        method: 'POST',
        url: '/api/calls',
        payload: callBody(
          {
            subject: `Call ${day}`,
            phoneNumber: '+14155552671',
            callDateTime: `2026-10-0${day}T09:00:00Z`,
            duration: day * 60,
            direction: day % 2 ? 'outgoing' : 'incoming',
          },
          [target.id],
        ),
      });
      expect(response.statusCode).toBe(201);
    }
    const first = await browser.request({
      method: 'GET',
      url: '/api/calls?page[size]=2&include=author,activityTargets&fields[users]=fullName',
      headers: { 'x-include': 'totalCount' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.data.map((call: { attributes: { subject: string } }) => call.attributes.subject)).toEqual([
      'Call 5',
      'Call 4',
    ]);
    expect(body.meta.totalCount).toBe(5);
    expect(first.headers['x-include-total-count']).toBe('5');
    expect(body.included.map((user: { id: string }) => user.id).sort()).toEqual(
      [author.id, target.id].sort(),
    );
    expect(Object.keys(body.included[0].attributes)).toEqual(['fullName']);
    const second = await browser.request({ method: 'GET', url: body.links.next });
    expect(
      second.json().data.map((call: { attributes: { subject: string } }) => call.attributes.subject),
    ).toEqual(['Call 3', 'Call 2']);

    const filtered = await browser.request({
      method: 'GET',
      url: '/api/calls?filter[direction]=incoming&filter[duration][gte]=200&sort=duration&fields[calls]=subject,duration',
    });
    expect(filtered.statusCode, filtered.body).toBe(200);
    expect(filtered.json().data.map((call: { attributes: unknown }) => call.attributes)).toEqual([
      { subject: 'Call 4', duration: 240 },
    ]);

    for (const [url, parameter] of [
      ['/api/calls?sort=phone', 'sort'],
      ['/api/calls?filter[callStatus]=planned', 'filter[callStatus]'],
      ['/api/calls?include=organization', 'include'],
      ['/api/calls?page[after]=nonsense!', 'page[after]'],
      ['/api/calls?page[size]=101', 'page[size]'],
    ]) {
      const response = await browser.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].source.parameter, url).toBe(parameter);
    }

    const one = await browser.request({
      method: 'GET',
      url: `/api/calls/${body.data[0].id}?include=activityTargets&fields[calls]=subject`,
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().data.attributes).toEqual({ subject: 'Call 5' });
    expect(one.json().included.map((user: { id: string }) => user.id)).toEqual([target.id]);
    const badOne = await browser.request({
      method: 'GET',
      url: `/api/calls/${body.data[0].id}?sort=subject`,
    });
    expect(badOne.statusCode).toBe(400);
  });
});
