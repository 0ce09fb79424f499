import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { recordAuditEvent } from '../../platform/audit';
import { newId } from '../../platform/ids';

const HOUR = 3_600_000;

/**
 * `X-Include: totalCount` of the Audit Log adds up whole days from `audit_event_day_counts`
 * (migration 0028) and counts the edge days' events: it must equal the number of events the list
 * pages through, for every kind of date bound and action filter, after events and memberships are
 * written, changed and removed by plain SQL (the triggers keep the day counts, whatever writes).
 */
describe('the Audit Log’s total count over days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('equals the events listed, for date ranges and actions, after writes of every kind', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildUser(t, { organization });
    const outsider = await buildUser(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    // Five days of events from 2026-03-01, every seven hours: own events of the member, and
    // account-level ones (no organization) of the member and of someone outside.
    const start = Date.parse('2026-03-01T00:00:00.000Z');
    const actions = ['session.signed_in', 'session.sign_in_failed', 'password.changed'] as const;
    for (let index = 0; index < 18; index += 1) {
      const clock = { now: () => new Date(start + index * 7 * HOUR) };
      const action = actions[index % actions.length] as (typeof actions)[number];
      for (const subject of [member.id, outsider.id]) {
        const own = action !== 'session.sign_in_failed' && subject === member.id;
        await recordAuditEvent(t.deps.db, clock, {
          action,
          organizationId: own ? organization.id : null,
          actorUserId: subject,
          subjectUserId: subject,
        });
      }
    }

    const filters = [
      '',
      'filter[occurredAt][gte]=2026-03-02T00:00:00Z',
      'filter[occurredAt][gt]=2026-03-02T00:00:00Z',
      'filter[occurredAt][gte]=2026-03-01T05:00:00Z&filter[occurredAt][lt]=2026-03-04T00:00:00Z',
      'filter[occurredAt][gt]=2026-03-01T21:00:00Z&filter[occurredAt][lte]=2026-03-04T11:00:00Z',
      'filter[occurredAt][lte]=2026-03-03T00:00:00Z',
      'filter[occurredAt][gte]=2026-03-02T10:00:00Z&filter[occurredAt][lt]=2026-03-02T20:00:00Z',
      'filter[action]=session.sign_in_failed&filter[occurredAt][gte]=2026-03-01T14:00:00Z',
      'filter[action]=session.signed_in,password.changed&filter[occurredAt][lt]=2026-03-03T07:00:00Z',
      'filter[action][contains]=SIGN&filter[occurredAt][gt]=2026-03-01T07:00:00Z',
      `filter[subject]=${member.id}&filter[occurredAt][gte]=2026-03-02T00:00:00Z`,
    ];
    const expectExactCounts = async (when: string) => {
      for (const filter of filters) {
        const listed = await listAll(browser, filter);
        const counted = await browser.request({
          method: 'GET',
          url: `/api/audit-events?${filter}&page[size]=1`,
          headers: { 'x-include': 'totalCount' },
        });
        expect(counted.statusCode, filter).toBe(200);
        expect(counted.json().meta.totalCount, `${when}: ${filter}`).toBe(listed);
      }
    };
    await expectExactCounts('as written');
    expect(await listAll(browser, filters[1] as string)).toBeGreaterThan(10);

    // The outsider joins: their account-level events now show, and count, day by day.
    const joined = newId();
    await t.deps.db
      .insertInto('memberships')
      .values({
        id: joined,
        userId: outsider.id,
        organizationId: organization.id,
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    await expectExactCounts('after a membership is added');

    // Events moved to another day and action, and one removed, by plain SQL.
    await sql`update audit_events set occurred_at = ${'2026-03-05T23:00:00.000Z'}, action = ${'password.changed'}
      where subject_user_id = ${outsider.id} and action = ${'session.signed_in'}`.execute(t.deps.db);
    await t.deps.db
      .deleteFrom('auditEvents')
      .where('subjectUserId', '=', member.id)
      .where('action', '=', 'password.changed')
      .execute();
    await expectExactCounts('after events are changed and deleted');

    // The member leaves (their own events stay in the log; their account-level ones go).
    await t.deps.db
      .deleteFrom('memberships')
      .where('userId', '=', member.id)
      .where('organizationId', '=', organization.id)
      .execute();
    await t.deps.db.deleteFrom('memberships').where('id', '=', joined).execute();
    await expectExactCounts('after memberships are removed');
  });
});

/** How many events the list shows with `filter`, paged through by links.next. */
async function listAll(browser: Awaited<ReturnType<typeof signIn>>, filter: string): Promise<number> {
  let count = 0;
  let url: string | undefined = `/api/audit-events?${filter}&page[size]=7`;
  while (url) {
    const response = await browser.request({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    const document = response.json();
    count += document.data.length;
    url = document.links.next;
  }
  return count;
}
