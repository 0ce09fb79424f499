import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app';
import { buildMember, buildOrganization, buildUser } from '../../../tests/helpers/factories';
import { up } from '../../platform/db/migrations/0009-activities';
import { newId } from '../../platform/ids';
import {
  deleteActivities,
  findActivityTargets,
  findActivityTargetsOf,
  findMemberIds,
  insertActivities,
  listTimeline,
  replaceActivityTargets,
  updateActivities,
} from './store';

describe('activities store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const now = '2026-11-30T10:00:00.000Z';
  const summary = (occurredAt: string, subject = 'Call') => ({
    authorId: null,
    occurredAt,
    subject,
    status: 'completed',
  });

  it('keeps one row per target, rewrites, retargets and deletes them', async () => {
    const a = await buildMember(t);
    const b = await buildMember(t, a.organization);
    const c = await buildMember(t, a.organization);
    const ref = { organizationId: a.organizationId, kind: 'call' as const, recordId: newId() };
    await insertActivities(t.deps.db, ref, summary('2026-11-01T09:00:00.000Z'), [a.id, b.id, a.id], now);
    expect(await findActivityTargets(t.deps.db, ref)).toEqual([a.id, b.id].sort());

    await updateActivities(t.deps.db, ref, { subject: 'Renamed', status: 'in_progress' }, now);
    const [row] = await listTimeline(t.deps.db, {
      organizationId: a.organizationId,
      targetUserId: b.id,
      kinds: ['call'],
      limit: 10,
    });
    expect(row).toMatchObject({ subject: 'Renamed', status: 'in_progress', recordId: ref.recordId });

    await replaceActivityTargets(
      t.deps.db,
      ref,
      summary('2026-11-01T09:00:00.000Z', 'Renamed'),
      [b.id, c.id],
      now,
    );
    expect(await findActivityTargets(t.deps.db, ref)).toEqual([b.id, c.id].sort());
    const [kept] = await listTimeline(t.deps.db, {
      organizationId: a.organizationId,
      targetUserId: b.id,
      kinds: ['call'],
      limit: 10,
    });
    expect(kept?.id).toBe(row?.id);
    const targetsOf = await findActivityTargetsOf(t.deps.db, a.organizationId, 'call', [
      ref.recordId,
      newId(),
    ]);
    expect([...targetsOf.entries()]).toEqual([[ref.recordId, [b.id, c.id].sort()]]);

    // Another organization's reference touches nothing.
    const other = await buildOrganization(t);
    await deleteActivities(t.deps.db, { ...ref, organizationId: other.id });
    expect(await findActivityTargets(t.deps.db, ref)).toHaveLength(2);
    await deleteActivities(t.deps.db, ref);
    expect(await findActivityTargets(t.deps.db, ref)).toEqual([]);
  });

  it('pages a timeline newest first by (occurredAt, id), by kind and date range', async () => {
    const user = await buildMember(t);
    const ref = (kind: 'call' | 'email') => ({
      organizationId: user.organizationId,
      kind,
      recordId: newId(),
    });
    // Five items, two sharing one instant (the id breaks the tie).
    const times = [
      '2026-11-01T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
      '2026-11-04T09:00:00.000Z',
    ];
    for (const [index, time] of times.entries()) {
      await insertActivities(
        t.deps.db,
        ref(index % 2 ? 'email' : 'call'),
        summary(time, `#${index}`),
        [user.id],
        now,
      );
    }
    const query = {
      organizationId: user.organizationId,
      targetUserId: user.id,
      kinds: ['call', 'email'] as const,
    };
    const all = await listTimeline(t.deps.db, { ...query, kinds: [...query.kinds], limit: 10 });
    expect(all.map((row) => row.occurredAt)).toEqual([...times].reverse());
    const paged = [];
    let after: { occurredAt: string; id: string } | undefined;
    for (;;) {
      const page = await listTimeline(t.deps.db, { ...query, kinds: [...query.kinds], limit: 2, after });
      paged.push(...page);
      const last = page.at(-1);
      if (!last || page.length < 2) break;
      after = { occurredAt: last.occurredAt, id: last.id };
    }
    expect(paged.map((row) => row.id)).toEqual(all.map((row) => row.id));

    const calls = await listTimeline(t.deps.db, { ...query, kinds: ['call'], limit: 10 });
    expect(calls.map((row) => row.subject)).toEqual(['#4', '#2', '#0']);
    const ranged = await listTimeline(t.deps.db, {
      ...query,
      kinds: [...query.kinds],
      occurredFrom: '2026-11-02T09:00:00.000Z',
      occurredBefore: '2026-11-04T09:00:00.000Z',
      limit: 10,
    });
    expect(ranged.map((row) => row.subject).sort()).toEqual(['#1', '#2', '#3']);
    expect(await listTimeline(t.deps.db, { ...query, kinds: [], limit: 10 })).toEqual([]);
    const stranger = await buildOrganization(t);
    expect(
      await listTimeline(t.deps.db, { ...query, organizationId: stranger.id, kinds: ['call'], limit: 10 }),
    ).toEqual([]);
  });

  it('finds only the organization members among user ids', async () => {
    const a = await buildMember(t);
    const outsider = await buildUser(t);
    const members = await findMemberIds(t.deps.db, a.organizationId, [a.id, outsider.id, newId()]);
    expect([...members]).toEqual([a.id]);
  });
});

describe('migration 0009-activities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("grants the new permissions to existing organizations' seeded roles by name", async () => {
    const organization = await buildOrganization(t);
    const { db } = t.deps;
    await db.schema.dropTable('activities').execute();
    await db.schema.dropTable('calls').execute();
    // As the roles were before: without the new permissions.
    const strip = ['activities.view', 'calls.log', 'calls.manage', 'emails.send', 'email_templates.manage'];
    const roles = await db
      .selectFrom('roles')
      .select(['id', 'name', 'permissions'])
      .where('organizationId', '=', organization.id)
      .execute();
    for (const role of roles) {
      const held = (
        typeof role.permissions === 'string' ? JSON.parse(role.permissions) : role.permissions
      ) as string[];
      const kept = JSON.stringify(held.filter((name) => !strip.includes(name)));
      await db
        .updateTable('roles')
        .set({ permissions: t.deps.dialect === 'postgres' ? sql<string>`${kept}::jsonb` : kept })
        .where('id', '=', role.id)
        .execute();
    }
    await up(db as never);
    const after = await db
      .selectFrom('roles')
      .select(['name', 'permissions'])
      .where('organizationId', '=', organization.id)
      .execute();
    const granted = Object.fromEntries(
      after.map((role) => [
        role.name,
        ((typeof role.permissions === 'string' ? JSON.parse(role.permissions) : role.permissions) as string[])
          .filter((name) => strip.includes(name))
          .sort(),
      ]),
    );
    expect(granted).toEqual({
      Administrator: [...strip].sort(),
      Manager: ['activities.view', 'calls.log', 'calls.manage', 'emails.send'],
      User: ['calls.log', 'emails.send'],
    });
  });
});
