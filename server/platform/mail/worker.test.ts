import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database';
import { reservePort, type SmtpSink, startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { manualClock } from '../clock';
import { type Config, loadConfig } from '../config';
import { openDatabase } from '../db/kysely';
import { AppError } from '../http/errors';
import { startMail } from './index';
import { queueMail } from './outbox';
import { createTransport } from './transport';
import { createMailWorker, DEFAULT_LEASE_MS, MAX_ATTEMPTS, type MailWorker, retryDelay } from './worker';
// The email these tests queue is the passwords feature's: registered as its module loads.
import '../../features/passwords/mail-templates';

type Clock = ReturnType<typeof manualClock>;

function configFor(database: TestDatabase, env: Record<string, string> = {}): Config {
  return {
    ...loadConfig({
      DATA_DIR: database.dataDir,
      PUBLIC_URL: 'https://crm.example.org',
      MAIL_FROM: 'Atrium <no-reply@crm.example.org>',
      ...env,
    }),
    database: database.config.database,
  };
}

const resetData = (token = 'tok') => ({
  name: 'Ada Lovelace',
  token,
  expiresInHours: 1,
  byAdministrator: false,
});

describe('mail outbox worker', () => {
  let database: TestDatabase;
  let clock: Clock;
  let sink: SmtpSink | undefined;
  const workers: MailWorker[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    clock = manualClock();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await sink?.stop();
    sink = undefined;
    await database.destroy();
  });

  function worker(config: Config, options: Partial<Parameters<typeof createMailWorker>[0]> = {}) {
    const created = createMailWorker({
      db: database.db,
      dialect: database.dialect,
      clock,
      transport: createTransport(config),
      ...options,
    });
    workers.push(created);
    return created;
  }

  const queue = (config: Config, to = 'ada@example.com', name: string | null = 'Ada Lovelace') =>
    queueMail(
      database.db,
      { clock, config },
      {
        template: 'password-reset',
        to: { address: to, name },
        data: resetData(),
        organizationId: null,
      },
    );

  const row = (id: string) =>
    database.db
      .selectFrom('mailOutbox')
      .select(['status', 'attempts', 'lastError', 'nextAttemptAt', 'sentAt', 'claimedBy', 'messageId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('sends a queued message over SMTP with the right headers and both parts', async () => {
    sink = await startSmtpSink();
    const config = configFor(database, { SMTP_URL: sink.url });
    const { id, messageId } = await queue(config);
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@crm\.example\.org>$/);

    expect(await worker(config).runOnce()).toBe(1);

    const [mail] = await sink.waitFor(1);
    expect(mail?.parsed.messageId).toBe(messageId);
    expect(mail?.parsed.from?.value).toEqual([{ address: 'no-reply@crm.example.org', name: 'Atrium' }]);
    expect(mail?.parsed.to).toMatchObject({ value: [{ address: 'ada@example.com', name: 'Ada Lovelace' }] });
    expect(mail?.envelope).toEqual({ from: 'no-reply@crm.example.org', to: ['ada@example.com'] });
    expect(mail?.parsed.subject).toBe('Reset your Atrium password');
    expect(mail?.parsed.text).toContain('https://crm.example.org/password-reset#token=tok');
    expect(mail?.parsed.html).toContain('href="https://crm.example.org/password-reset#token=tok"');
    expect(mail?.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedBy: null });
    expect((await row(id)).sentAt).toBe(clock.now().toISOString());
  });

  it('authenticates with the credentials in SMTP_URL and records a refused login as a failed attempt', async () => {
    sink = await startSmtpSink({ auth: { user: 'mailer', pass: 'p@ss word' } });
    const good = configFor(database, { SMTP_URL: sink.url });
    const bad = configFor(database, { SMTP_URL: `smtp://mailer:wrong@127.0.0.1:${sink.port}` });
    const first = await queue(good);
    await worker(bad).runOnce();
    expect(await row(first.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await row(first.id)).lastError).toMatch(/auth|invalid/i);

    clock.advance(5_000);
    await worker(good).runOnce();
    await sink.waitFor(1);
    expect(await row(first.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries when the SMTP server is down, first within 5 s, and delivers once it is up', async () => {
    const port = await reservePort();
    const config = configFor(database, { SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { id, messageId } = await queue(config);
    const mailWorker = worker(config);

    expect(await mailWorker.runOnce()).toBe(1);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    const wait = Date.parse(failed.nextAttemptAt) - clock.now().getTime();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(5_000);
    // Not due yet: nothing is claimed.
    expect(await mailWorker.runOnce()).toBe(0);

    sink = await startSmtpSink({ port });
    clock.advance(5_000);
    expect(await mailWorker.runOnce()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.parsed.messageId).toBe(messageId);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('sends again, with the same Message-ID, a message accepted by SMTP but never marked sent', async () => {
    sink = await startSmtpSink();
    const config = configFor(database, { SMTP_URL: sink.url });
    const { id, messageId } = await queue(config);

    const dying = worker(config, {
      afterAccepted: () => {
        throw new Error('process killed');
      },
    });
    await dying.runOnce();
    await dying.stop();
    await sink.waitFor(1);
    expect(await row(id)).toMatchObject({ status: 'sending', attempts: 1 });

    // After a restart: the claim is still within its lease, then it has expired.
    const restarted = worker(config);
    expect(await restarted.runOnce()).toBe(0);
    clock.advance(DEFAULT_LEASE_MS + 1_000);
    expect(await restarted.runOnce()).toBe(1);

    const messages = await sink.waitFor(2);
    expect(messages.map((mail) => mail.parsed.messageId)).toEqual([messageId, messageId]);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a permanently refused address failed after 10 attempts, with its last error', async () => {
    sink = await startSmtpSink();
    sink.refuse('nobody@example.com');
    const config = configFor(database, { SMTP_URL: sink.url });
    const { id } = await queue(config, 'nobody@example.com');
    const mailWorker = worker(config);

    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await mailWorker.runOnce()).toBe(1);
      const current = await row(id);
      expect(current.attempts).toBe(attempt);
      waits.push(Date.parse(current.nextAttemptAt) - clock.now().getTime());
      clock.advance(5 * 60_000);
    }
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('550');
    expect(failed.lastError).toContain('User unknown');
    expect(await mailWorker.runOnce()).toBe(0);
    expect(sink.messages).toHaveLength(0);
    // exponential, capped at 5 minutes
    expect(Math.max(...waits.slice(0, -1))).toBeLessThanOrEqual(5 * 60_000);
    expect(waits[1]).toBeGreaterThan(waits[0] as number);
  });

  it('backs off exponentially: first retry within 5 s, never more than 5 minutes', () => {
    expect(retryDelay(1, () => 1)).toBeLessThanOrEqual(5_000);
    expect(retryDelay(1, () => 0)).toBe(2_000);
    expect(retryDelay(2, () => 0)).toBe(4_000);
    expect(retryDelay(9, () => 1)).toBe(5 * 60_000);
    expect(retryDelay(30, () => 1)).toBe(5 * 60_000);
  });

  it('two workers with their own connections to one database deliver each message exactly once', async () => {
    sink = await startSmtpSink();
    const config = configFor(database, { SMTP_URL: sink.url });
    const total = 60;
    const ids = new Set<string>();
    for (let i = 0; i < total; i++) ids.add((await queue(config, `person${i}@example.com`)).messageId);

    const second = openDatabase(database.config, { schema: database.schema });
    try {
      const a = worker(config, { batchSize: 5 });
      const b = createMailWorker({
        db: second.db,
        dialect: second.dialect,
        clock,
        transport: createTransport(config),
        batchSize: 5,
      });
      workers.push(b);
      const [byA, byB] = await Promise.all([a.drain(), b.drain()]);
      expect(byA + byB).toBe(total);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      await b.stop();
    } finally {
      await second.close();
    }
    const messages = await sink.waitFor(total);
    const received = messages.map((mail) => mail.parsed.messageId);
    expect(received).toHaveLength(total);
    expect(new Set(received)).toEqual(ids);
    const rows = await database.db.selectFrom('mailOutbox').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('without SMTP_URL writes one .eml per message to DATA_DIR/mail, also when sent again', async () => {
    const config = configFor(database);
    expect(config.smtpUrl).toBeUndefined();
    const queued = [await queue(config, 'a@example.com'), await queue(config, 'b@example.com')];
    const dying = worker(config, {
      afterAccepted: () => {
        throw new Error('killed');
      },
    });
    await dying.runOnce();
    clock.advance(DEFAULT_LEASE_MS + 1);
    await worker(config).drain();

    const directory = path.join(database.dataDir, 'mail');
    const files = fs.readdirSync(directory).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => /^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/.test(file))).toBe(true);
    const parsed = await simpleParser(fs.readFileSync(path.join(directory, files[0] as string)));
    expect(queued.map((q) => q.messageId)).toContain(parsed.messageId);
    expect(parsed.subject).toBe('Reset your Atrium password');
    expect(parsed.text).toContain('https://crm.example.org/password-reset#token=tok');
    expect(parsed.html).toContain('<h1');
    for (const { id } of queued) expect((await row(id)).status).toBe('sent');
  });

  it('commits the outbox row with the business change, or neither', async () => {
    const config = configFor(database);
    const businessChange = (trx: typeof database.db, id: string) =>
      trx
        .insertInto('auditEvents')
        .values({
          id,
          organizationId: null,
          actorUserId: null,
          subjectUserId: null,
          action: 'password.reset_requested',
          ip: null,
          details: '{}',
          occurredAt: clock.now().toISOString(),
        })
        .execute();
    const failing = database.db.transaction().execute(async (trx) => {
      await businessChange(trx, '00000000-0000-7000-8000-000000000001');
      await queueMail(
        trx,
        { clock, config },
        {
          template: 'password-reset',
          to: { address: 'ada@example.com' },
          data: resetData(),
          organizationId: null,
        },
      );
      throw new Error('fault injected after both writes');
    });
    await expect(failing).rejects.toThrow('fault injected');
    expect(await database.db.selectFrom('mailOutbox').select('id').execute()).toHaveLength(0);
    expect(await database.db.selectFrom('auditEvents').select('id').execute()).toHaveLength(0);

    // The mail itself failing (bad address) rolls the change back too.
    const badAddress = database.db.transaction().execute(async (trx) => {
      await businessChange(trx, '00000000-0000-7000-8000-000000000002');
      await queueMail(
        trx,
        { clock, config },
        {
          template: 'password-reset',
          to: { address: 'not-an-address' },
          data: resetData(),
          organizationId: null,
        },
      );
    });
    await expect(badAddress).rejects.toBeInstanceOf(AppError);
    expect(await database.db.selectFrom('auditEvents').select('id').execute()).toHaveLength(0);

    await database.db.transaction().execute(async (trx) => {
      await businessChange(trx, '00000000-0000-7000-8000-000000000003');
      await queueMail(
        trx,
        { clock, config },
        {
          template: 'password-reset',
          to: { address: 'ada@example.com' },
          data: resetData(),
          organizationId: null,
        },
      );
    });
    expect(await database.db.selectFrom('mailOutbox').select('id').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('auditEvents').select('id').execute()).toHaveLength(1);
  });

  it('refuses addresses with CR/LF and keeps CR/LF in names and subjects out of the headers', async () => {
    sink = await startSmtpSink();
    const config = configFor(database, { SMTP_URL: sink.url });
    for (const address of [
      'ada@example.com\r\nBcc: evil@example.net',
      'ada@example.com\nX: y',
      'ada@exam\u0000ple.com',
    ]) {
      const attempt = queue(config, address);
      await expect(attempt).rejects.toMatchObject({ kind: 'validation', code: 'invalid_email_address' });
    }
    await queue(config, 'ada@example.com', 'Ada\r\nBcc: evil@example.net');
    await queueMail(
      database.db,
      { clock, config },
      {
        template: 'generic',
        to: { address: 'ada@example.com', name: 'Ada' },
        data: {
          subject: 'Hello\r\nBcc: evil@example.net\r\n\r\nbody',
          paragraphs: ['<script>alert(1)</script>'],
        },
        organizationId: null,
      },
    );
    await worker(config).drain();
    const messages = await sink.waitFor(2);
    for (const mail of messages) {
      expect(mail.envelope.to).toEqual(['ada@example.com']);
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      const header = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
      expect(header).not.toMatch(/^Bcc:/im);
    }
    expect(messages[0]?.parsed.to).toMatchObject({ value: [{ name: 'Ada Bcc: evil@example.net' }] });
    expect(messages[1]?.parsed.subject).toBe('Hello Bcc: evil@example.net body | Atrium');
    expect(messages[1]?.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(messages[1]?.parsed.html).not.toContain('<script>');
  });

  it('wakes at once when asked, and stop() lets the send in progress finish', async () => {
    sink = await startSmtpSink();
    const config = configFor(database, { SMTP_URL: sink.url });
    let releaseSend: () => void = () => {};
    const sendHeld = new Promise<void>((resolve) => {
      releaseSend = resolve;
    });
    let accepted: () => void = () => {};
    const wasAccepted = new Promise<void>((resolve) => {
      accepted = resolve;
    });
    let asleep: () => void = () => {};
    const wentIdle = new Promise<void>((resolve) => {
      asleep = resolve;
    });
    const runtime = startMail(
      { config, db: database.db, dialect: database.dialect, clock },
      {
        worker: {
          // Far longer than the test may take: only wake() can make it look again.
          pollIntervalMs: 10 * 60_000,
          onIdle: () => asleep(),
          afterAccepted: () => {
            accepted();
            return sendHeld;
          },
        },
      },
    );
    try {
      await wentIdle; // the first pass found nothing; the worker sleeps for ten minutes
      const { id } = await queue(config);
      runtime.wake();
      await wasAccepted;

      let stopped = false;
      const stopping = runtime.stop().then(() => {
        stopped = true;
      });
      // stop() has nothing to wait for but the held send: one turn of the event loop would end it.
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).toBe(false);
      expect(await row(id)).toMatchObject({ status: 'sending' });
      releaseSend();
      await stopping;
      expect(await row(id)).toMatchObject({ status: 'sent' });

      // Stopped (its loop has ended): newly queued mail waits in the outbox.
      const later = await queue(config);
      runtime.wake();
      expect(await row(later.id)).toMatchObject({ status: 'queued', attempts: 0 });
    } finally {
      releaseSend();
      await runtime.stop();
    }
  });

  it('MAIL_WORKER=off starts no worker', async () => {
    const config = configFor(database, { MAIL_WORKER: 'off' });
    const runtime = startMail({ config, db: database.db, dialect: database.dialect, clock });
    expect(runtime.worker).toBeUndefined();
    const { id } = await queue(config);
    runtime.wake(); // nothing to wake: no loop exists to send it
    expect(await row(id)).toMatchObject({ status: 'queued' });
    await runtime.stop();
  });
});
