import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { type SmtpSink, startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { createTransport } from '../../platform/mail/transport';
import { createMailWorker, MAX_ATTEMPTS, type MailWorker } from '../../platform/mail/worker';

type Item = { type: string; id: string; attributes: Record<string, unknown> };

describe('Emails on the Activity timeline', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: MailWorker;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = createMailWorker({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock: t.clock,
      transport: createTransport(t.config),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await sink?.stop();
  });

  const timeline = async (browser: Browser, userId: string, query = '') => {
    const response = await browser.request({
      method: 'GET',
      url: `/api/users/${userId}/activities${query}`,
      headers: { 'x-include': 'totalCount' },
    });
    return response;
  };
  const items = (response: { json(): { data: Item[] } }) => response.json().data;

  it('shows an email sent to a user among their calls, newest first, its status going queued → sent', async () => {
    const ada = await buildMember(t);
    const organization = ada.organization;
    const bob = await buildMember(t, organization);
    const carol = await buildMember(t, organization);
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const foreign = await buildAdmin(t);
    const adaBrowser = await signIn(t.app, ada.username, TEST_PASSWORD);
    const targets = (...ids: string[]) => ({ data: ids.map((id) => ({ type: 'users', id })) });

    const call = async (subject: string) => {
      const response = await adaBrowser.request({
        method: 'POST',
        url: '/api/calls',
        payload: {
          data: {
            type: 'calls',
            attributes: { subject, phoneNumber: '+14155552671', callDateTime: t.clock.now().toISOString() },
            relationships: { activityTargets: targets(bob.id) },
          },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data.id as string;
    };
    const olderCall = await call('Before the email');
    t.clock.advance(60_000);
    const sent = await adaBrowser.request({
      method: 'POST',
      url: '/api/emails',
      payload: {
        data: {
          type: 'emails',
          attributes: {
            from: ada.email,
            toRecipients: [bob.email],
            bccRecipients: ['boss@example.org'],
            subject: 'Minutes of the meeting',
            body: { type: 'text', content: 'Here they are.' },
          },
          relationships: { activityTargets: targets(bob.id, ada.id) },
        },
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const emailId = sent.json().data.id as string;
    t.clock.advance(60_000);
    const newerCall = await call('After the email');

    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const before = await timeline(managerBrowser, bob.id);
    expect(before.statusCode, before.body).toBe(200);
    expect(items(before).map((item) => [item.type, item.id])).toEqual([
      ['calls', newerCall],
      ['emails', emailId],
      ['calls', olderCall],
    ]);
    expect(before.json().meta.totalCount).toBe(3);
    const queued = items(before)[1] as Item;
    expect(queued.attributes).toMatchObject({
      subject: 'Minutes of the meeting',
      toRecipients: [bob.email],
      // Bcc is the author's to see, not the manager's.
      bccRecipients: [],
      status: 'queued',
      sentAt: null,
    });

    // The worker delivers it over SMTP; the timeline shows the outbox's live status.
    expect(await worker.runOnce()).toBe(1);
    expect(sink.messages.some((message) => message.raw.includes('Minutes of the meeting'))).toBe(true);
    const after = items(await timeline(managerBrowser, bob.id)).find((item) => item.id === emailId) as Item;
    expect(after.attributes.status).toBe('sent');
    expect(after.attributes.sentAt).toEqual(expect.any(String));
    // …and the same as GET /api/emails/{id} shows it.
    const own = await adaBrowser.request({ method: 'GET', url: `/api/emails/${emailId}` });
    const onAdaTimeline = items(await timeline(adaBrowser, 'me')).find((item) => item.id === emailId);
    expect(onAdaTimeline).toEqual(own.json().data);
    expect((onAdaTimeline as Item).attributes.bccRecipients).toEqual(['boss@example.org']);

    // filter[type]
    const onlyEmails = await timeline(managerBrowser, bob.id, '?filter[type]=emails');
    expect(items(onlyEmails).map((item) => item.id)).toEqual([emailId]);
    expect(onlyEmails.json().meta.totalCount).toBe(1);
    const onlyCalls = await timeline(managerBrowser, bob.id, '?filter[type]=calls');
    expect(items(onlyCalls).map((item) => item.id)).toEqual([newerCall, olderCall]);
    const sparse = await timeline(
      managerBrowser,
      bob.id,
      '?filter[type]=emails&fields[emails]=subject,status',
    );
    expect(items(sparse)[0]?.attributes).toEqual({ subject: 'Minutes of the meeting', status: 'sent' });

    // A colleague without activities.view: not Bob's timeline, and not counted on their own.
    const carolBrowser = await signIn(t.app, carol.username, TEST_PASSWORD);
    expect((await timeline(carolBrowser, bob.id)).statusCode).toBe(403);
    expect((await timeline(carolBrowser, bob.id, '?filter[type]=emails')).statusCode).toBe(403);
    const carolsOwn = await timeline(carolBrowser, 'me');
    expect(items(carolsOwn)).toEqual([]);
    expect(carolsOwn.json().meta.totalCount).toBe(0);
    expect((await carolBrowser.request({ method: 'GET', url: `/api/emails/${emailId}` })).statusCode).toBe(
      404,
    );

    // Another organization's administrator: Bob does not exist for them.
    const foreignBrowser = await signIn(t.app, foreign.username, TEST_PASSWORD);
    expect((await timeline(foreignBrowser, bob.id)).statusCode).toBe(404);
    expect((await timeline(foreignBrowser, bob.id, '?filter[type]=emails')).statusCode).toBe(404);
  });

  it('shows a failed email as failed with the reason, and a cancelled one as cancelled', async () => {
    const ada = await buildMember(t);
    const adaBrowser = await signIn(t.app, ada.username, TEST_PASSWORD);
    const send = async (attributes: Record<string, unknown>) => {
      const response = await adaBrowser.request({
        method: 'POST',
        url: '/api/emails',
        payload: {
          data: {
            type: 'emails',
            attributes: {
              from: ada.email,
              body: { type: 'text', content: 'Hello' },
              ...attributes,
            },
            relationships: { activityTargets: { data: [{ type: 'users', id: ada.id }] } },
          },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().data.id as string;
    };
    const scheduled = await send({
      toRecipients: ['later@example.org'],
      subject: 'Later',
      sendAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
    });
    const statusOf = async (id: string) =>
      (items(await timeline(adaBrowser, 'me', '?filter[type]=emails')).find((item) => item.id === id) as Item)
        .attributes;
    expect((await statusOf(scheduled)).status).toBe('scheduled');
    expect((await adaBrowser.request({ method: 'DELETE', url: `/api/emails/${scheduled}` })).statusCode).toBe(
      204,
    );
    expect((await statusOf(scheduled)).status).toBe('cancelled');

    sink.refuse('nobody@example.org');
    const refused = await send({ toRecipients: ['nobody@example.org'], subject: 'Bounces' });
    expect((await statusOf(refused)).status).toBe('queued');
    // A permanent refusal is retried; after the last attempt the outbox gives up.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      if (attempt < MAX_ATTEMPTS) expect((await statusOf(refused)).status).toBe('queued');
      t.clock.advance(10 * 60_000);
    }
    const failed = await statusOf(refused);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('User unknown');
  });
});
