import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database';
import { manualClock } from '../platform/clock';
import { runCli } from './index';

describe('atrium demo:seed --activities', () => {
  let database: TestDatabase;
  const clock = manualClock();

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => '' },
      { env: { DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' }, database, clock },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const organizationIdOf = async (name: string) =>
    (
      await database.db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  it('writes calls and emails (with outbox rows) with their index rows, targeting the demo users, showing progress', async () => {
    const result = await cli([
      'demo:seed',
      '--users',
      '12',
      '--activities',
      '2500',
      '--organization',
      'Calls Demo',
    ]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('2500 activities');
    expect(result.err).toContain('activities 2500/2500');
    const organizationId = await organizationIdOf('Calls Demo');
    const calls = await database.db
      .selectFrom('calls')
      .select(['id', 'subject', 'callDateTime', 'phoneNumber', 'duration'])
      .where('organizationId', '=', organizationId)
      .execute();
    expect(calls).toHaveLength(1875);
    const emails = await database.db
      .selectFrom('emails')
      .innerJoin('mailOutbox', 'mailOutbox.id', 'emails.outboxId')
      .innerJoin('activities', 'activities.recordId', 'emails.id')
      .innerJoin('users', 'users.id', 'emails.authorId')
      .select([
        'emails.subject',
        'emails.bodyHtml',
        'emails.bodyText',
        'emails.fromAddress',
        'emails.messageId',
        'emails.toRecipients',
        'emails.activityTargetIds',
        'users.email as authorEmail',
        'mailOutbox.messageId as outboxMessageId',
        'mailOutbox.status as outboxStatus',
        'mailOutbox.sentAt',
        'mailOutbox.htmlBody',
        'mailOutbox.organizationId as outboxOrganizationId',
        'activities.kind',
        'activities.subject as activitySubject',
        'activities.occurredAt',
        'activities.targetUserId',
      ])
      .where('emails.organizationId', '=', organizationId)
      .execute();
    expect(emails).toHaveLength(625);
    for (const email of emails) {
      expect(email.kind).toBe('email');
      expect(email.activitySubject).toBe(email.subject);
      expect(email.fromAddress).toBe(email.authorEmail);
      expect(email.outboxMessageId).toBe(email.messageId);
      expect(email.messageId).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
      expect(email.outboxOrganizationId).toBe(organizationId);
      expect(email.htmlBody).toBe(email.bodyHtml);
      expect(email.bodyHtml).toMatch(/^<p>Hi /);
      expect(email.bodyText).toMatch(/^Hi /);
      expect(JSON.parse(email.activityTargetIds)).toEqual([email.targetUserId]);
      expect(JSON.parse(email.toRecipients)).toHaveLength(1);
      if (email.outboxStatus === 'sent') expect(email.sentAt).toBe(email.occurredAt);
      else expect(email.outboxStatus).toBe('failed');
    }
    expect(emails.filter((email) => email.outboxStatus === 'failed').length).toBeGreaterThan(0);
    const rows = await database.db
      .selectFrom('activities')
      .innerJoin('calls', 'calls.id', 'activities.recordId')
      .select([
        'activities.subject',
        'calls.subject as callSubject',
        'activities.occurredAt',
        'calls.callDateTime',
      ])
      .where('activities.organizationId', '=', organizationId)
      .execute();
    expect(rows).toHaveLength(1875);
    for (const row of rows) {
      expect(row.subject).toBe(row.callSubject);
      expect(row.occurredAt).toBe(row.callDateTime);
    }
    const targets = await database.db
      .selectFrom('activities')
      .select('targetUserId')
      .distinct()
      .where('organizationId', '=', organizationId)
      .execute();
    expect(targets.length).toBe(12);
    for (const call of calls) {
      expect(call.phoneNumber).toMatch(/^\+/);
      expect(call.duration).toBeGreaterThanOrEqual(0);
      expect(call.duration).toBeLessThanOrEqual(86_400);
    }
  });

  it('puts every activity in one member’s Activity with --activity-target, and refuses a stranger', async () => {
    const seeded = await cli(['demo:seed', '--users', '3', '--organization', 'Focus Demo']);
    expect(seeded.code, seeded.err).toBe(0);
    const organizationId = await organizationIdOf('Focus Demo');
    const member = await database.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.userId', 'users.id')
      .select(['users.id', 'users.username'])
      .where('memberships.organizationId', '=', organizationId)
      .executeTakeFirstOrThrow();
    const focused = await cli([
      'demo:seed',
      '--users',
      '2',
      '--activities',
      '150',
      '--activity-target',
      member.username,
      '--organization',
      'Focus Demo',
    ]);
    expect(focused.code, focused.err).toBe(0);
    const targets = await database.db
      .selectFrom('activities')
      .select('targetUserId')
      .distinct()
      .where('organizationId', '=', organizationId)
      .execute();
    expect(targets).toEqual([{ targetUserId: member.id }]);
    const refused = await cli([
      'demo:seed',
      '--users',
      '1',
      '--activities',
      '5',
      '--activity-target',
      'nobody-here',
      '--organization',
      'Focus Demo',
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('nobody-here');
    expect(await cli(['demo:seed', '--users', '0', '--activities', '5'])).toMatchObject({
      code: expect.any(Number),
    });
  });

  it('refuses an organization name the API would refuse, and creates nothing', async () => {
    const before = await database.db.selectFrom('organizations').select('id').execute();
    for (const name of ['', '   ', ' Edge', '\u200b']) {
      const refused = await cli(['demo:seed', '--users', '1', '--organization', name]);
      expect(refused.code, name).not.toBe(0);
      expect(refused.err).toContain('--organization');
    }
    expect(await database.db.selectFrom('organizations').select('id').execute()).toEqual(before);
  });
});
