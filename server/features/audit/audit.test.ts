import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { recordAuditEvent } from '../../platform/audit';
import { newId } from '../../platform/ids';

type EventDocument = {
  id: string;
  attributes: { action: string; occurredAt: string; details: Record<string, unknown> };
  relationships: { actor: { data: { id: string } | null }; subject: { data: { id: string } | null } };
};

describe('the security audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const failSignIn = (login: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login, password: 'not the password at all' } } },
    });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/users/me/audit-events' })).statusCode).toBe(401);
  });

  it('shows administrators their organization’s events, newest first, never another organization’s', async () => {
    const admin = await buildAdmin(t);
    const member = await buildUser(t, { organization: admin.organization });
    const stranger = await buildUser(t);
    t.clock.advance(1000);
    await failSignIn(member.username); // account-level (no organization), about a member
    t.clock.advance(1000);
    await failSignIn(stranger.username); // about someone else
    t.clock.advance(1000);
    await signIn(t.app, member.username, TEST_PASSWORD);
    t.clock.advance(1000);
    await signIn(t.app, stranger.username, TEST_PASSWORD);
    t.clock.advance(1000);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);

    const response = await browser.request({
      method: 'GET',
      url: '/api/audit-events',
      headers: { 'x-include': 'totalCount' },
    });
    expect(response.statusCode).toBe(200);
    const events: EventDocument[] = response.json().data;
    const summary = events.map((e) => [e.attributes.action, e.relationships.subject.data?.id]);
    expect(summary).toEqual([
      ['session.signed_in', admin.id],
      ['session.signed_in', member.id],
      ['session.sign_in_failed', member.id],
    ]);
    expect(response.headers['x-include-total-count']).toBe('3');
    expect(response.json().meta).toEqual({ totalCount: 3 });
    const times = events.map((e) => e.attributes.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(JSON.stringify(events)).not.toContain(stranger.id);
    expect(response.body).not.toMatch(/not the password at all|tokenHash|passwordHash/);
    expect(events[2]?.attributes.details).toEqual({ reason: 'wrong_password' });
  });

  it('filters by action (one or several), actor, subject and date range, pages, includes the users', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildUser(t, { organization });
    const base = Date.parse(t.clock.now().toISOString());
    const write = async (
      minutesAgo: number,
      action: 'user.disabled' | 'user.enabled' | 'user.roles_changed',
      subject: string,
    ) => {
      const clock = { now: () => new Date(base - minutesAgo * 60_000) };
      await recordAuditEvent(t.deps.db, clock, {
        action,
        organizationId: organization.id,
        actorUserId: admin.id,
        subjectUserId: subject,
        details: { minutesAgo },
      });
    };
    await write(50, 'user.disabled', member.id);
    await write(40, 'user.enabled', member.id);
    await write(30, 'user.roles_changed', member.id);
    await write(20, 'user.roles_changed', admin.id);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const get = async (query: string) => {
      const response = await browser.request({ method: 'GET', url: `/api/audit-events?${query}` });
      expect(response.statusCode, query).toBe(200);
      return response.json();
    };
    const minutes = (document: { data: EventDocument[] }) =>
      document.data.map((e) => e.attributes.details.minutesAgo);

    expect(minutes(await get('filter[action]=user.roles_changed'))).toEqual([20, 30]);
    expect(minutes(await get('filter[action]=user.disabled,user.enabled'))).toEqual([40, 50]);
    expect(minutes(await get(`filter[subject]=${member.id}&filter[action][contains]=user.`))).toEqual([
      30, 40, 50,
    ]);
    // A substring of the action, in any case; one that names no action finds nothing, counted as 0.
    expect(minutes(await get(`filter[subject]=${member.id}&filter[action][contains]=ABLED`))).toEqual([
      40, 50,
    ]);
    expect(minutes(await get('filter[action][contains]=roles_'))).toEqual([20, 30]);
    const none = await browser.request({
      method: 'GET',
      url: '/api/audit-events?filter[action][contains]=no.such%25action',
      headers: { 'x-include': 'totalCount' },
    });
    expect(none.json()).toMatchObject({ data: [], meta: { totalCount: 0 } });
    const counted = await browser.request({
      method: 'GET',
      url: `/api/audit-events?filter[subject]=${member.id}&filter[action][contains]=user.&page[size]=1`,
      headers: { 'x-include': 'totalCount' },
    });
    expect(counted.json().meta.totalCount).toBe(3);
    expect(minutes(await get(`filter[actor]=${admin.id}&filter[action][neq]=session.signed_in`))).toEqual([
      20, 30, 40, 50,
    ]);
    const from = new Date(base - 45 * 60_000).toISOString();
    const to = new Date(base - 25 * 60_000).toISOString();
    expect(minutes(await get(`filter[occurredAt][gte]=${from}&filter[occurredAt][lt]=${to}`))).toEqual([
      30, 40,
    ]);

    const first = await get('filter[action][contains]=user.&page[size]=3&include=actor,subject');
    expect(minutes(first)).toEqual([20, 30, 40]);
    expect(first.links.next).toContain('page%5Bafter%5D=');
    expect(first.included.map((u: { id: string }) => u.id).sort()).toEqual([admin.id, member.id].sort());
    expect(first.included[0].type).toBe('users');
    const second = await browser.request({ method: 'GET', url: first.links.next });
    expect(minutes(second.json())).toEqual([50]);
  });

  it('pages several actions by cursor both ways, each event once, account-level ones merged in', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildUser(t, { organization });
    const stranger = await buildUser(t);
    const base = Date.parse(t.clock.now().toISOString());
    const actions = ['session.signed_in', 'session.signed_out', 'session.sign_in_failed'] as const;
    for (let index = 0; index < 17; index += 1) {
      const action = actions[index % actions.length] as (typeof actions)[number];
      // Pairs share a millisecond (the id breaks the tie); failed sign-ins belong to no organization.
      const clock = { now: () => new Date(base - 60_000 + Math.floor(index / 2) * 1000) };
      for (const subject of [member.id, stranger.id]) {
        await recordAuditEvent(t.deps.db, clock, {
          action,
          organizationId:
            action === 'session.sign_in_failed' ? null : subject === member.id ? organization.id : null,
          actorUserId: subject,
          subjectUserId: subject,
          details: { index },
        });
      }
    }
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const query = `filter[subject]=${member.id}&filter[action][contains]=SESSION.S&sort=-occurredAt,-id`;
    const all = await browser.request({ method: 'GET', url: `/api/audit-events?${query}&page[size]=100` });
    const expected: string[] = all.json().data.map((e: EventDocument) => e.id);
    expect(expected).toHaveLength(17);

    type Page = { ids: string[]; next?: string; prev?: string };
    const read = async (url: string): Promise<Page> => {
      const response = await browser.request({ method: 'GET', url, headers: { 'x-include': 'totalCount' } });
      expect(response.statusCode, url).toBe(200);
      const document = response.json();
      expect(document.meta.totalCount).toBe(17);
      return {
        ids: document.data.map((e: EventDocument) => e.id),
        next: document.links.next,
        prev: document.links.prev,
      };
    };
    const pages: Page[] = [await read(`/api/audit-events?${query}&page[size]=4`)];
    for (let page = pages[0]; page?.next; page = pages.at(-1)) pages.push(await read(page.next));
    expect(pages.flatMap((page) => page.ids)).toEqual(expected);
    expect(pages.map((page) => page.ids.length)).toEqual([4, 4, 4, 4, 1]);

    // Back from the last page by links.prev: the same pages, in reverse.
    const backward: Page[] = [];
    for (let url = pages.at(-1)?.prev; url; url = backward.at(-1)?.prev) backward.push(await read(url));
    expect(backward.map((page) => page.ids)).toEqual(
      pages
        .slice(0, -1)
        .map((page) => page.ids)
        .reverse(),
    );

    const second = await read(`/api/audit-events?${query}&page[size]=4&page[number]=2`);
    expect(second.ids).toEqual(pages[1]?.ids);
  });

  it('refuses unknown filters and malformed values with the parameter named', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    for (const [query, parameter] of [
      ['filter[organization]=x', 'filter[organization]'],
      ['filter[actor]=not-an-id', 'filter[actor]'],
      ['filter[occurredAt][gte]=yesterday', 'filter[occurredAt][gte]'],
      ['sort=ip', 'sort'],
      ['page[size]=1000', 'page[size]'],
    ]) {
      const response = await browser.request({ method: 'GET', url: `/api/audit-events?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].source.parameter).toBe(parameter);
    }
  });

  it('needs audit.view for the organization’s log', async () => {
    const member = await buildUser(t, { roles: ['User'] });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    expect((await browser.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(403);
  });

  it('shows a user their own recent security events, another member’s only with audit.view', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildUser(t, { organization, roles: ['User'] });
    const colleague = await buildUser(t, { organization, roles: ['User'] });
    const stranger = await buildUser(t);
    await failSignIn(member.username);
    const memberBrowser = await signIn(t.app, member.username, TEST_PASSWORD);
    await signIn(t.app, colleague.username, TEST_PASSWORD);

    for (const id of ['me', member.id]) {
      const own = await memberBrowser.request({ method: 'GET', url: `/api/users/${id}/audit-events` });
      expect(own.statusCode).toBe(200);
      const actions = own.json().data.map((e: EventDocument) => e.attributes.action);
      expect(actions).toEqual(['session.signed_in', 'session.sign_in_failed']);
    }
    const colleagues = await memberBrowser.request({
      method: 'GET',
      url: `/api/users/${colleague.id}/audit-events`,
    });
    expect(colleagues.statusCode).toBe(403);
    const strangers = await memberBrowser.request({
      method: 'GET',
      url: `/api/users/${stranger.id}/audit-events`,
    });
    expect(strangers.statusCode).toBe(404);

    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const asAdmin = await adminBrowser.request({
      method: 'GET',
      url: `/api/users/${colleague.id}/audit-events`,
    });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().data.map((e: EventDocument) => e.relationships.subject.data?.id)).toEqual([
      colleague.id,
    ]);
    const foreign = await adminBrowser.request({
      method: 'GET',
      url: `/api/users/${stranger.id}/audit-events`,
    });
    const missing = await adminBrowser.request({ method: 'GET', url: `/api/users/${newId()}/audit-events` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    // The subject is fixed by the URL: no subject filter there.
    const filtered = await adminBrowser.request({
      method: 'GET',
      url: `/api/users/me/audit-events?filter[subject]=${member.id}`,
    });
    expect(filtered.statusCode).toBe(400);
  });
});
