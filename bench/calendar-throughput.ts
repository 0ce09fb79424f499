import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { permissions } from '../common/permissions';
import { createCalendarEvent, listCalendarOccurrences } from '../server/features/calendar/service';
import { insertOrganization } from '../server/features/organizations/store';
import { runDueReminders } from '../server/features/reminders/worker';
import { createTask } from '../server/features/tasks/service';
import { insertUser } from '../server/features/users/store';
import { manualClock } from '../server/platform/clock';
import { loadConfig } from '../server/platform/config';
import type { Actor } from '../server/platform/http/access';
import { openBenchDatabase } from './lib/bench-database';

/**
 * Issue 14's two figures, on SQLite — or on PostgreSQL when DATABASE_URL points at one (a schema
 * of its own, dropped afterwards):
 * - the occurrences query for a year of a daily event (`listCalendarOccurrences`, the service
 *   behind GET /api/calendar-occurrences, without HTTP): median and p95 over `--runs`;
 * - the reminder worker's throughput: `--reminders` due task reminders, claimed, checked and
 *   queued as mail by one worker (`runDueReminders`), in reminders per second.
 *
 *   npx tsx bench/calendar-throughput.ts [--runs 50] [--reminders 1000]
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '50' }, reminders: { type: 'string', default: '1000' } },
});
const runs = Number(values.runs);
const reminderCount = Number(values.reminders);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-calendar-'));
  const { database, drop } = await openBenchDatabase(dataDir, 'bench_calendar');
  try {
    const clock = manualClock('2026-01-01T00:00:00.000Z');
    const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://atrium.bench', LOG_LEVEL: 'silent' });
    const deps = { db: database.db, dialect: database.dialect, clock, config, mail: { wake() {} } };
    const organization = await insertOrganization(database.db, clock, 'Bench');
    const userId = await insertUser(
      database.db,
      clock,
      {
        username: 'bench',
        email: 'bench@example.com',
        firstName: 'Bench',
        lastName: 'User',
        passwordHash: 'unused',
        mustChangePassword: false,
        isInstanceAdministrator: false,
      },
      { organizationId: organization.id, roleIds: [organization.roleIds.User as string] },
    );
    const actor: Actor = {
      userId,
      organizationId: organization.id,
      permissions: new Set(permissions),
      mustChangePassword: false,
      via: { kind: 'api_key', apiKeyId: 'bench' },
    };

    await createCalendarEvent(deps, actor, {
      attributes: {
        title: 'Daily stand-up',
        start: '2026-01-01T09:00:00+01:00',
        end: '2026-01-01T09:15:00+01:00',
        timeZone: 'Europe/Berlin',
        recurrence: 'FREQ=DAILY',
      },
    });
    const timings: number[] = [];
    let count = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      count = (
        await listCalendarOccurrences(deps, actor, {
          ownerId: 'me',
          from: '2026-01-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
        })
      ).length;
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `occurrences of a daily event over a year (${count}): median ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms (${runs} runs, ${database.dialect})`,
    );

    for (let index = 0; index < reminderCount; index++) {
      await createTask(deps, actor, {
        attributes: {
          subject: `Task ${index}`,
          dueDate: '2026-01-02T09:00:00Z',
          reminders: [{ method: 'email', minutesBefore: 30 }],
        },
      });
    }
    clock.set('2026-01-02T08:31:00.000Z');
    const started = performance.now();
    const fired = await runDueReminders(deps);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `reminder worker: ${fired} reminders in ${seconds.toFixed(2)} s = ${Math.round(fired / seconds)} reminders/s (${database.dialect})`,
    );
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
