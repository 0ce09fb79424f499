import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildOrganization } from '../../../tests/helpers/factories';
import { type SmtpSink, startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { queueMail } from '../../platform/mail/outbox';
import { createTransport } from '../../platform/mail/transport';
import { createMailWorker, MAX_ATTEMPTS } from '../../platform/mail/worker';

describe('the outbox API: /api/mail-messages', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: Browser;
  let member: Browser;
  let otherAdmin: Browser;
  let organizationId: string;
  let otherOrganizationId: string;

  const queue = (orgId: string | null, address: string, token = 'secret-token-123') =>
    queueMail(t.deps.db, t.deps, {
      template: 'password-reset',
      to: { address, name: 'Someone' },
      data: { name: 'Someone', token, expiresInHours: 24, byAdministrator: true },
      organizationId: orgId,
    });

  const row = (id: string) =>
    t.deps.db
      .selectFrom('mailOutbox')
      .select(['status', 'attempts', 'lastError', 'nextAttemptAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const markFailed = (id: string) =>
    t.deps.db
      .updateTable('mailOutbox')
      .set({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: '550 no such user' })
      .where('id', '=', id)
      .execute();

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    const organization = await buildOrganization(t);
    const other = await buildOrganization(t);
    organizationId = organization.id;
    otherOrganizationId = other.id;
    const adminUser = await buildAdmin(t, organization);
    const memberUser = await buildMember(t, organization);
    const otherAdminUser = await buildAdmin(t, other);
    admin = await signIn(t.app, adminUser.username, adminUser.password);
    member = await signIn(t.app, memberUser.username, memberUser.password);
    otherAdmin = await signIn(t.app, otherAdminUser.username, otherAdminUser.password);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('answers 401 without a session or key', async () => {
    const { id } = await queue(organizationId, 'anon@example.com');
    for (const [method, url] of [
      ['GET', '/api/mail-messages'],
      ['GET', `/api/mail-messages/${id}`],
      ['POST', `/api/mail-messages/${id}/retry`],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('answers 403 to a user without mail.manage, whatever the message', async () => {
    const { id } = await queue(organizationId, 'member-view@example.com');
    await markFailed(id);
    for (const [method, url] of [
      ['GET', '/api/mail-messages'],
      ['GET', `/api/mail-messages/${id}`],
      ['POST', `/api/mail-messages/${id}/retry`],
    ] as const) {
      const response = await member.request({ method, url });
      expect(response.statusCode, url).toBe(403);
    }
    expect(await row(id)).toMatchObject({ status: 'failed' });
  });

  it("lists only the organization's messages, with filters, sorting, paging and the total", async () => {
    const mine = [
      await queue(organizationId, 'list-a@example.com'),
      await queue(organizationId, 'list-b@example.com'),
    ];
    const theirs = await queue(otherOrganizationId, 'list-other@example.com');
    const system = await queue(null, 'list-system@example.com');

    const all = await admin.request({ method: 'GET', url: '/api/mail-messages?page[size]=100' });
    expect(all.statusCode).toBe(200);
    const ids = all.json().data.map((resource: { id: string }) => resource.id);
    for (const { id } of mine) expect(ids).toContain(id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(system.id);

    const filtered = await admin.request({
      method: 'GET',
      url: '/api/mail-messages?filter[toAddress]=list-b@example.com',
      headers: { 'x-include': 'totalCount' },
    });
    expect(filtered.statusCode).toBe(200);
    expect(filtered.headers['x-include-total-count']).toBe('1');
    // The total also in meta, as every other list answers it.
    expect(filtered.json().meta).toEqual({ totalCount: 1, abilities: { retry: true } });
    // Not asked for: no total, only what I may do from the outbox.
    expect(all.json().meta).toEqual({ abilities: { retry: true } });
    const [resource] = filtered.json().data;
    expect(resource).toMatchObject({
      type: 'mail-messages',
      id: mine[1]?.id,
      attributes: {
        status: 'queued',
        attempts: 0,
        lastError: null,
        toAddress: 'list-b@example.com',
        subject: 'Reset your Atrium password',
        template: 'password-reset',
        messageId: mine[1]?.messageId,
        sentAt: null,
        createdAt: t.clock.now().toISOString(),
        nextAttemptAt: t.clock.now().toISOString(),
      },
    });
    expect(resource.attributes).not.toHaveProperty('textBody');

    const contains = await admin.request({
      method: 'GET',
      url: '/api/mail-messages?filter[toAddress][contains]=LIST-&sort=toAddress',
    });
    expect(
      contains.json().data.map((r: { attributes: { toAddress: string } }) => r.attributes.toAddress),
    ).toEqual(['list-a@example.com', 'list-b@example.com']);

    const paged = await admin.request({
      method: 'GET',
      url: '/api/mail-messages?filter[status]=queued&page[size]=1',
    });
    expect(paged.json().data).toHaveLength(1);
    expect(paged.json().links.next).toContain('page%5Bafter%5D=');

    // Paged by when they were sent, through messages not sent yet (sentAt NULL): every cursor of
    // a page is taken back, in both directions.
    for (const sort of ['sentAt', '-sentAt']) {
      const first = await admin.request({
        method: 'GET',
        url: `/api/mail-messages?filter[toAddress][contains]=LIST-&sort=${sort}&page[size]=1`,
      });
      expect(first.statusCode, first.body).toBe(200);
      const link = new URL(first.json().links.next as string, 'http://atrium.test');
      const next = await admin.request({ method: 'GET', url: `${link.pathname}${link.search}` });
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json().data.map((r: { id: string }) => r.id)).not.toContain(first.json().data[0].id);
      expect(next.json().data).toHaveLength(1);
    }

    const theirsSeen = await otherAdmin.request({ method: 'GET', url: '/api/mail-messages?page[size]=100' });
    const theirIds = theirsSeen.json().data.map((r: { id: string }) => r.id);
    expect(theirIds).toEqual([theirs.id]);
  });

  it('refuses unknown and malformed query parameters with 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['filter[status]=lost', 'filter[status]'],
      ['filter[organizationId]=x', 'filter[organizationId]'],
      ['sort=textBody', 'sort'],
      ['page[size]=1000', 'page[size]'],
      ['organization=x', 'organization'],
    ] as const) {
      const response = await admin.request({ method: 'GET', url: `/api/mail-messages?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].source).toEqual({ parameter });
    }
  });

  it('shows one message with its bodies, tokens hidden; another organization’s or a system message is 404', async () => {
    const { id } = await queue(organizationId, 'view@example.com', 'do-not-show-me');
    const response = await admin.request({ method: 'GET', url: `/api/mail-messages/${id}` });
    expect(response.statusCode).toBe(200);
    const { attributes } = response.json().data;
    expect(attributes.textBody).toContain('Hello Someone,');
    expect(attributes.textBody).toContain('http://atrium.test/password-reset#token=[hidden]');
    expect(attributes.htmlBody).toContain('<h1');
    expect(response.body).not.toContain('do-not-show-me');

    const theirs = await queue(otherOrganizationId, 'hidden@example.com');
    const system = await queue(null, 'system@example.com');
    for (const url of [
      `/api/mail-messages/${theirs.id}`,
      `/api/mail-messages/${system.id}`,
      '/api/mail-messages/0194f0a8-0000-7000-8000-000000000000',
      '/api/mail-messages/not-an-id',
    ]) {
      const missing = await admin.request({ method: 'GET', url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().errors[0].code).toBe('not_found');
    }
    const fromTheirSide = await otherAdmin.request({ method: 'GET', url: `/api/mail-messages/${id}` });
    expect(fromTheirSide.statusCode).toBe(404);
  });

  it('a permanently refused address ends failed after the retries, visible with its last error; Retry sends it again', async () => {
    sink.refuse('gone@example.com');
    const { id, messageId } = await queue(organizationId, 'gone@example.com');
    const worker = createMailWorker({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock: t.clock,
      transport: createTransport(t.config),
    });
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        await worker.runOnce();
        t.clock.advance(5 * 60_000 + 1);
      }
      const failed = await admin.request({ method: 'GET', url: '/api/mail-messages?filter[status]=failed' });
      const resource = failed.json().data.find((r: { id: string }) => r.id === id);
      expect(resource.attributes).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        nextAttemptAt: null,
      });
      expect(resource.attributes.lastError).toMatch(/550.*User unknown/);

      const wakesBefore = t.mailWakes();
      const retried = await admin.request({ method: 'POST', url: `/api/mail-messages/${id}/retry` });
      expect(retried.statusCode).toBe(200);
      expect(retried.json().data.attributes).toMatchObject({ status: 'queued', attempts: 0 });
      expect(t.mailWakes()).toBe(wakesBefore + 1);
      expect(await row(id)).toMatchObject({
        status: 'queued',
        attempts: 0,
        nextAttemptAt: t.clock.now().toISOString(),
      });
      const audit = await t.deps.db
        .selectFrom('auditEvents')
        .select(['action', 'organizationId', 'details'])
        .where('action', '=', 'mail.retried')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.organizationId).toBe(organizationId);
      expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ mailMessageId: id, messageId });

      // The address works again: the retried message goes out with its original Message-ID.
      await sink.stop();
      const fresh = await startSmtpSink({ port: sink.port });
      try {
        await worker.runOnce();
        const [mail] = await fresh.waitFor(1);
        expect(mail?.parsed.messageId).toBe(messageId);
        expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
      } finally {
        await fresh.stop();
        await sink.start();
      }
    } finally {
      await worker.stop();
    }
  });

  it('retries only failed messages (409), of its own organization (404), with a valid body (400/422)', async () => {
    const queued = await queue(organizationId, 'still-queued@example.com');
    const conflict = await admin.request({ method: 'POST', url: `/api/mail-messages/${queued.id}/retry` });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().errors[0]).toMatchObject({ code: 'mail_not_failed' });

    const theirs = await queue(otherOrganizationId, 'their-failed@example.com');
    await markFailed(theirs.id);
    const notMine = await admin.request({ method: 'POST', url: `/api/mail-messages/${theirs.id}/retry` });
    expect(notMine.statusCode).toBe(404);
    expect(await row(theirs.id)).toMatchObject({ status: 'failed' });

    const failed = await queue(organizationId, 'bad-body@example.com');
    await markFailed(failed.id);
    const wrongType = await admin.request({
      method: 'POST',
      url: `/api/mail-messages/${failed.id}/retry`,
      payload: { data: { type: 'mail-messages' } },
    });
    expect(wrongType.statusCode).toBe(409);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/type');
    const extra = await admin.request({
      method: 'POST',
      url: `/api/mail-messages/${failed.id}/retry`,
      payload: { data: { type: 'mail-retries', attributes: { attempts: 0 } } },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toMatch(/^\/data\/attributes/);
    expect(await row(failed.id)).toMatchObject({ status: 'failed' });

    const ok = await admin.request({
      method: 'POST',
      url: `/api/mail-messages/${failed.id}/retry`,
      payload: { data: { type: 'mail-retries' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(await row(failed.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
