import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { TEST_PASSWORD } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { writeSetting } from '../../platform/settings';
import { runDueReminders, runReminderPass } from './worker';

/** The reminders engine (issue 14, item 7): due rows, claimed once, mailed through the outbox. */
describe('reminders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const createTask = (browser: Browser, attributes: Record<string, unknown>) =>
    browser.request({ method: 'POST', url: '/api/tasks', payload: { data: { type: 'tasks', attributes } } });
  const mailTo = (address: string) =>
    t.deps.db
      .selectFrom('mailOutbox')
      .select(['subject', 'textBody'])
      .where('toAddress', '=', address)
      .where('subject', 'like', 'Reminder:%')
      .orderBy('createdAt')
      .execute();
  const remindersOf = (recordId: string) =>
    t.deps.db
      .selectFrom('reminders')
      .select(['status', 'occurrenceKey', 'fireAt', 'minutesBefore'])
      .where('recordId', '=', recordId)
      .orderBy('fireAt')
      .execute();

  it('fires a task reminder exactly once with two workers racing, in the recipient’s time zone', async () => {
    t.clock.set('2026-05-01T08:00:00.000Z');
    const { user, browser } = await signedInUser(t);
    await writeSetting(
      t.deps.db,
      t.clock,
      'user',
      { organizationId: user.organizationId, userId: user.id },
      'localization.timezone',
      'Europe/Berlin',
    );
    const tasks = [];
    for (let index = 0; index < 12; index++) {
      const response = await createTask(browser, {
        subject: `Task ${index}`,
        dueDate: '2026-05-01T10:00:00Z',
        reminders: [{ method: 'email', minutesBefore: 30 }],
      });
      expect(response.statusCode).toBe(201);
      tasks.push(response.json().data.id as string);
    }
    // Not yet due.
    expect(await runDueReminders(t.deps)).toBe(0);

    t.clock.set('2026-05-01T09:31:00.000Z');
    const [first, second] = await Promise.all([
      runDueReminders(t.deps, { limit: 3 }),
      runDueReminders(t.deps, { limit: 3 }),
    ]);
    expect(first + second).toBe(12);
    const mails = await mailTo(user.email);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((mail) => mail.subject)).size).toBe(12);
    // 10:00 UTC is 12:00 in Berlin (CEST): the mail says so in the recipient's zone.
    expect(mails[0]?.textBody).toContain('12:00');
    for (const id of tasks) expect((await remindersOf(id)).map((r) => r.status)).toEqual(['sent']);
    expect(await runDueReminders(t.deps)).toBe(0);
  });

  it('sends once after a process dies mid-pass, and marks a reminder over an hour late missed', async () => {
    t.clock.set('2026-06-01T08:00:00.000Z');
    const { user, browser } = await signedInUser(t);
    const task = (
      await createTask(browser, {
        subject: 'Crash test',
        dueDate: '2026-06-01T12:00:00Z',
        reminders: [
          { method: 'email', minutesBefore: 60 },
          { method: 'email', minutesBefore: 180 },
        ],
      })
    ).json().data;
    t.clock.set('2026-06-01T11:00:00.000Z');
    await expect(
      runReminderPass(t.deps, {
        beforeCommit: () => {
          throw new Error('the process died here');
        },
      }),
    ).rejects.toThrow('the process died here');
    expect(await mailTo(user.email)).toHaveLength(0);
    expect((await remindersOf(task.id)).map((r) => r.status)).toEqual(['pending', 'pending']);

    expect(await runDueReminders(t.deps)).toBe(2);
    // 09:00 (three hours before) was two hours ago: missed; 11:00 is now: sent.
    expect((await remindersOf(task.id)).map((r) => r.status)).toEqual(['missed', 'sent']);
    expect(await mailTo(user.email)).toHaveLength(1);
    expect(await runDueReminders(t.deps)).toBe(0);
  });

  it('never reminds of a closed task, and moves with its due date', async () => {
    t.clock.set('2026-07-01T08:00:00.000Z');
    const { user, browser } = await signedInUser(t);
    const task = (
      await createTask(browser, {
        subject: 'Closing soon',
        dueDate: '2026-07-01T10:00:00Z',
        reminders: [{ method: 'email', minutesBefore: 15 }],
      })
    ).json().data;
    const patch = (attributes: Record<string, unknown>) =>
      browser.request({
        method: 'PATCH',
        url: `/api/tasks/${task.id}`,
        payload: { data: { type: 'tasks', id: task.id, attributes } },
      });
    expect((await patch({ dueDate: '2026-07-01T11:00:00Z' })).statusCode).toBe(200);
    expect((await remindersOf(task.id)).map((r) => r.fireAt)).toEqual(['2026-07-01T10:45:00.000Z']);
    expect((await patch({ status: 'closed' })).statusCode).toBe(200);
    expect(await remindersOf(task.id)).toEqual([]);
    t.clock.set('2026-07-01T10:50:00.000Z');
    await runDueReminders(t.deps);
    expect(await mailTo(user.email)).toHaveLength(0);
  });

  it('reminds of each occurrence of a recurring event, never of a cancelled one', async () => {
    t.clock.set('2026-03-01T12:00:00.000Z');
    const { user, browser } = await signedInUser(t);
    const created = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Weekly',
            start: '2026-03-02T09:00:00+01:00',
            end: '2026-03-02T10:00:00+01:00',
            timeZone: 'Europe/Berlin',
            recurrence: 'FREQ=WEEKLY;BYDAY=MO',
            reminders: [{ method: 'email', minutesBefore: 10 }],
          },
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id as string;
    expect((await remindersOf(id)).map((r) => [r.status, r.fireAt])).toEqual([
      ['pending', '2026-03-02T07:50:00.000Z'],
    ]);
    t.clock.set('2026-03-02T07:51:00.000Z');
    expect(await runDueReminders(t.deps)).toBe(1);
    expect((await remindersOf(id)).map((r) => [r.status, r.fireAt])).toEqual([
      ['sent', '2026-03-02T07:50:00.000Z'],
      ['pending', '2026-03-09T07:50:00.000Z'],
    ]);
    // Cancel the next occurrence: its reminder goes, the one after is due instead.
    // The week moved the clock past the session's idle timeout: sign in again.
    const again = await signIn(t.app, user.username, TEST_PASSWORD);
    const cancelled = await again.request({
      method: 'DELETE',
      url: `/api/calendarevents/${id}?occurrence=2026-03-09T08:00:00.000Z&scope=this`,
    });
    expect(cancelled.statusCode).toBe(204);
    expect((await remindersOf(id)).map((r) => [r.status, r.fireAt])).toEqual([
      ['sent', '2026-03-02T07:50:00.000Z'],
      ['pending', '2026-03-16T07:50:00.000Z'],
    ]);
    t.clock.set('2026-03-09T07:55:00.000Z');
    expect(await runDueReminders(t.deps)).toBe(0);
    // After an outage: the late ones are missed, not sent in a burst; after the change to summer
    // time the reminder still comes ten minutes before 09:00 Berlin.
    t.clock.set('2026-03-30T06:51:00.000Z');
    await runDueReminders(t.deps);
    const mails = await mailTo(user.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Reminder: Weekly | Atrium',
      'Reminder: Weekly | Atrium',
    ]);
    const statuses = await remindersOf(id);
    expect(statuses.map((r) => [r.status, r.fireAt])).toEqual([
      ['sent', '2026-03-02T07:50:00.000Z'],
      ['missed', '2026-03-16T07:50:00.000Z'],
      ['missed', '2026-03-23T07:50:00.000Z'],
      ['sent', '2026-03-30T06:50:00.000Z'],
      ['pending', '2026-04-06T06:50:00.000Z'],
    ]);
  });
});
