import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { encodeCursor } from '../../platform/http/jsonapi/cursor';
import { newId } from '../../platform/ids';

type Item = { type: string; id: string; attributes: Record<string, unknown> };

describe('GET /api/users/{id}/activities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const logCall = async (browser: Browser, attributes: Record<string, unknown>, targets: string[]) => {
    const response = await browser.request({
      method: 'POST',
      url: '/api/calls',
      payload: {
        data: {
          type: 'calls',
          attributes: { phoneNumber: '+14155552671', ...attributes },
          relationships: { activityTargets: { data: targets.map((id) => ({ type: 'users', id })) } },
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };

  it('refuses anonymous callers; another user’s needs activities.view; strangers are 404', async () => {
    const member = await buildMember(t);
    const colleague = await buildMember(t, member.organization);
    const manager = await buildUser(t, { organization: member.organization, roles: ['Manager'] });
    const foreign = await buildAdmin(t);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/users/${member.id}/activities` })).statusCode,
    ).toBe(401);

    const memberBrowser = await signIn(t.app, member.username, TEST_PASSWORD);
    expect((await memberBrowser.request({ method: 'GET', url: '/api/users/me/activities' })).statusCode).toBe(
      200,
    );
    expect(
      (await memberBrowser.request({ method: 'GET', url: `/api/users/${member.id}/activities` })).statusCode,
    ).toBe(200);
    // 403 before any lookup: says nothing about whether the user exists.
    expect(
      (await memberBrowser.request({ method: 'GET', url: `/api/users/${colleague.id}/activities` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await memberBrowser.request({ method: 'GET', url: `/api/users/${newId()}/activities` })).statusCode,
    ).toBe(403);

    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    expect(
      (await managerBrowser.request({ method: 'GET', url: `/api/users/${colleague.id}/activities` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await managerBrowser.request({ method: 'GET', url: `/api/users/${foreign.id}/activities` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await managerBrowser.request({ method: 'GET', url: `/api/users/${newId()}/activities` })).statusCode,
    ).toBe(404);
  });

  it('shows the calls that target the user, newest first, paged by cursor with the page size setting', async () => {
    const author = await buildMember(t);
    const target = await buildMember(t, author.organization);
    const other = await buildMember(t, author.organization);
    const authorBrowser = await signIn(t.app, author.username, TEST_PASSWORD);
    const ids: string[] = [];
    // 12 calls for the target, two at the same instant; 1 for someone else.
    for (let index = 0; index < 12; index++) {
      const day = String(Math.min(index + 1, 11)).padStart(2, '0');
      ids.push(
        await logCall(authorBrowser, { subject: `Call ${index}`, callDateTime: `2026-10-${day}T09:00:00Z` }, [
          target.id,
        ]),
      );
    }
    await logCall(authorBrowser, { subject: 'Not yours', callDateTime: '2026-10-05T09:00:00Z' }, [other.id]);

    const targetBrowser = await signIn(t.app, target.username, TEST_PASSWORD);
    const first = await targetBrowser.request({
      method: 'GET',
      url: '/api/users/me/activities',
      headers: { 'x-include': 'totalCount' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    // The default page size is the user's setting: 10.
    expect(body.data).toHaveLength(10);
    expect(body.meta.totalCount).toBe(12);
    expect(first.headers['x-include-total-count']).toBe('12');
    expect(body.data[0]).toMatchObject({
      type: 'calls',
      attributes: { callDateTime: '2026-10-11T09:00:00.000Z' },
    });
    expect(body.data.every((item: Item) => item.type === 'calls')).toBe(true);
    expect(body.links.next).toMatch(/page%5Bafter%5D=/);

    const second = await targetBrowser.request({ method: 'GET', url: body.links.next });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().data).toHaveLength(2);
    expect(second.json().links.next).toBeUndefined();
    const seen = [...body.data, ...second.json().data].map((item: Item) => item.id);
    expect(new Set(seen).size).toBe(12);
    expect(seen.sort()).toEqual([...ids].sort());
    const times = [...body.data, ...second.json().data].map(
      (item: Item) => item.attributes.callDateTime as string,
    );
    expect(times).toEqual([...times].sort().reverse());

    // A different page size in My Configuration applies at once.
    const setting = await targetBrowser.request({
      method: 'PATCH',
      url: '/api/settings/activities.page_size',
      payload: {
        data: { type: 'settings', id: 'activities.page_size', attributes: { scope: 'user', value: 25 } },
      },
    });
    expect(setting.statusCode, setting.body).toBe(200);
    const all = await targetBrowser.request({ method: 'GET', url: '/api/users/me/activities' });
    expect(all.json().data).toHaveLength(12);
    const refused = await targetBrowser.request({
      method: 'PATCH',
      url: '/api/settings/activities.page_size',
      payload: {
        data: { type: 'settings', id: 'activities.page_size', attributes: { scope: 'user', value: 30 } },
      },
    });
    expect(refused.statusCode).toBe(422);
    const sized = await targetBrowser.request({
      method: 'GET',
      url: '/api/users/me/activities?page[size]=3',
    });
    expect(sized.json().data).toHaveLength(3);
    expect(sized.json().links.next).toContain('page%5Bsize%5D=3');
  });

  it('filters by type and date range, includes users, trims fields', async () => {
    const author = await buildMember(t);
    const target = await buildMember(t, author.organization);
    const authorBrowser = await signIn(t.app, author.username, TEST_PASSWORD);
    for (const day of ['01', '02', '03', '04']) {
      await logCall(authorBrowser, { subject: `Day ${day}`, callDateTime: `2026-09-${day}T12:00:00Z` }, [
        target.id,
      ]);
    }
    const manager = await buildUser(t, { organization: author.organization, roles: ['Manager'] });
    const browser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const url = `/api/users/${target.id}/activities`;
    const ranged = await browser.request({
      method: 'GET',
      url: `${url}?filter[occurredAt][gte]=2026-09-02T00:00:00Z&filter[occurredAt][lt]=2026-09-04T00:00:00Z&filter[type]=calls,emails&include=author&fields[calls]=subject,author&fields[users]=username`,
    });
    expect(ranged.statusCode, ranged.body).toBe(200);
    expect(ranged.json().data.map((item: Item) => item.attributes)).toEqual([
      { subject: 'Day 03' },
      { subject: 'Day 02' },
    ]);
    expect(ranged.json().included).toEqual([
      expect.objectContaining({ type: 'users', id: author.id, attributes: { username: author.username } }),
    ]);
    // Kinds with nothing (yet) show nothing.
    const tasks = await browser.request({ method: 'GET', url: `${url}?filter[type]=tasks` });
    expect(tasks.json().data).toEqual([]);
  });

  it('refuses malformed paging, sorting and filters with the parameter named', async () => {
    const member = await buildMember(t);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const forged = encodeCursor({ sort: '-occurredAt', values: ['yesterday', 'x'] });
    const wrongSort = encodeCursor({ sort: 'occurredAt', values: ['2026-01-01T00:00:00.000Z', newId()] });
    // The form of an instant, but no day of the calendar (PostgreSQL refused it with a 500).
    const noSuchDay = encodeCursor({ sort: '-occurredAt', values: ['2026-02-30T00:00:00.000Z', newId()] });
    for (const [query, parameter] of [
      ['page[number]=2', 'page[number]'],
      [`page[before]=${forged}`, 'page[before]'],
      ['sort=occurredAt', 'sort'],
      ['page[after]=%%%', 'page[after]'],
      [`page[after]=${forged}`, 'page[after]'],
      [`page[after]=${wrongSort}`, 'page[after]'],
      [`page[after]=${noSuchDay}`, 'page[after]'],
      ['page[size]=0', 'page[size]'],
      ['page[size]=101', 'page[size]'],
      ['filter[type]=letters', 'filter[type]'],
      ['filter[occurredAt][gte]=soon', 'filter[occurredAt][gte]'],
      ['filter[occurredAt][gt]=2026-01-01T00:00:00Z', 'filter[occurredAt][gt]'],
      ['filter[subject]=x', 'filter[subject]'],
      ['include=organization', 'include'],
      ['fields[calls]=secret', 'fields[calls]'],
    ]) {
      const response = await browser.request({ method: 'GET', url: `/api/users/me/activities?${query}` });
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      expect(response.json().errors[0].source.parameter, query).toBe(parameter);
    }
  });
});
