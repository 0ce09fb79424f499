import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { type SmtpSink, startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { multipartFile, revokeFromRole, tinyPng } from '../../../tests/helpers/uploads';
import { newId } from '../../platform/ids';
import { createTransport } from '../../platform/mail/transport';
import { createMailWorker, type MailWorker } from '../../platform/mail/worker';
import { writeSetting } from '../../platform/settings';

const emailBody = (attributes: Record<string, unknown>, relationships?: Record<string, unknown>) => ({
  data: { type: 'emails', attributes, ...(relationships ? { relationships } : {}) },
});
const users = (...ids: string[]) => ({ data: ids.map((id) => ({ type: 'users', id })) });
const files = (...ids: string[]) => ({ data: ids.map((id) => ({ type: 'files', id })) });

describe('Send Email', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: MailWorker;
  let organization: BuiltOrganization;
  let ada: BuiltUser;
  let sender: Browser;
  let colleague: BuiltUser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    worker = createMailWorker({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock: t.clock,
      transport: createTransport(t.config),
    });
    organization = await buildOrganization(t, 'Acme');
    ada = await buildUser(t, {
      organization,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.example',
    });
    sender = await signIn(t.app, ada.username, TEST_PASSWORD);
    colleague = await buildUser(t, { organization, firstName: 'Charles', lastName: 'Babbage' });
    await writeSetting(
      t.deps.db,
      t.clock,
      'user',
      { organizationId: organization.id, userId: ada.id },
      'email.signature',
      '<p>Ada Lovelace, <b>Acme</b></p><script>x()</script>',
    );
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await sink?.stop();
  });

  const send = (
    attributes: Record<string, unknown>,
    relationships?: Record<string, unknown>,
    browser = sender,
  ) => browser.request({ method: 'POST', url: '/api/emails', payload: emailBody(attributes, relationships) });
  const basic = {
    from: 'ada@acme.example',
    toRecipients: ['bob@example.org'],
    subject: 'Hello',
    body: { type: 'text', content: 'Hi Bob' },
  };

  const upload = async (browser: Browser, content: Buffer, filename: string) => {
    const body = multipartFile(content, { filename });
    const response = await browser.request({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.id as string;
  };
  const counts = async () => ({
    emails: Number(
      (
        await t.deps.db
          .selectFrom('emails')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    outbox: Number(
      (
        await t.deps.db
          .selectFrom('mailOutbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    activities: Number(
      (
        await t.deps.db
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  it('requires authentication on every route', async () => {
    const id = '0194f1c2-0000-7000-8000-000000000000';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/emails',
          payload: emailBody(basic),
          headers: { 'content-type': 'application/vnd.api+json' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/emails/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/emails/${id}` })).statusCode).toBe(401);
  });

  it('sends over SMTP with HTML and text parts, the signature, Cc, a hidden Bcc and an attachment', async () => {
    const attachment = await upload(sender, tinyPng, 'pixel.png');
    const wakes = t.mailWakes();
    const response = await send(
      {
        ...basic,
        from: 'Whoever <ADA@acme.example>',
        toRecipients: ['Bob Example <bob@example.org>'],
        ccRecipients: ['"Lovelace, Team" <team@example.org>'],
        bccRecipients: ['boss@example.org'],
        subject: 'Quarterly report',
        body: {
          type: 'html',
          content:
            '<p onclick="x()">Dear Bob,</p><p>See <a href="javascript:alert(1)">this</a>.<img src="https://tracker.example/p.gif" width="1" height="1"><img src="https://images.example/chart.png" alt="Chart"></p>',
        },
      },
      { activityTargets: users(colleague.id, ada.id), attachments: files(attachment) },
    );
    expect(response.statusCode, response.body).toBe(201);
    const email = response.json().data;
    expect(response.headers.location).toBe(`/api/emails/${email.id}`);
    expect(email.attributes).toMatchObject({
      from: 'Ada Lovelace <ada@acme.example>',
      toRecipients: ['Bob Example <bob@example.org>'],
      ccRecipients: ['"Lovelace, Team" <team@example.org>'],
      bccRecipients: ['boss@example.org'],
      subject: 'Quarterly report',
      status: 'queued',
      sentAt: null,
    });
    expect(email.attributes.body.content).not.toMatch(/onclick|javascript:|tracker|script/);
    expect(email.attributes.body.content).toContain('<b>Acme</b>');
    // A picture stays (the Activity holds it back until the viewer allows it); a pixel does not.
    expect(email.attributes.body.content).toContain(
      '<img src="https://images.example/chart.png" alt="Chart" />',
    );
    expect(email.relationships.attachments.data).toEqual([{ type: 'files', id: attachment }]);
    expect(t.mailWakes()).toBe(wakes + 1);
    const activities = await t.deps.db
      .selectFrom('activities')
      .select(['targetUserId', 'kind', 'subject'])
      .where('recordId', '=', email.id)
      .execute();
    expect(activities.map((row) => row.targetUserId).sort()).toEqual([ada.id, colleague.id].sort());
    expect(activities.every((row) => row.kind === 'email' && row.subject === 'Quarterly report')).toBe(true);

    expect(await worker.runOnce()).toBe(1);
    const [mail] = await sink.waitFor(1);
    const parsed = mail?.parsed;
    expect(parsed?.messageId).toBe(email.attributes.messageId);
    expect(parsed?.subject).toBe('Quarterly report');
    expect(parsed?.from?.value[0]).toMatchObject({ name: 'Ada Lovelace', address: 'ada@acme.example' });
    expect(parsed?.html).toContain('Dear Bob,');
    expect(parsed?.html).toContain('Ada Lovelace, <b>Acme</b>');
    expect(parsed?.html).not.toMatch(/onclick|javascript:|tracker\.example|<script/);
    expect(parsed?.text).toContain('Dear Bob,');
    expect(parsed?.text).toContain('Ada Lovelace, Acme');
    expect(parsed?.headers.get('cc')).toBeDefined();
    expect(mail?.raw).not.toMatch(/^bcc:/im);
    expect(mail?.envelope.to.sort()).toEqual(['bob@example.org', 'boss@example.org', 'team@example.org']);
    expect(mail?.raw).not.toMatch(/^Auto-Submitted:/im);
    expect(parsed?.attachments).toHaveLength(1);
    expect(parsed?.attachments[0]).toMatchObject({ filename: 'pixel.png', contentType: 'image/png' });
    expect(parsed?.attachments[0]?.content.equals(tinyPng)).toBe(true);

    const read = await sender.request({ method: 'GET', url: `/api/emails/${email.id}` });
    expect(read.json().data.attributes).toMatchObject({
      status: 'sent',
      sentAt: t.clock.now().toISOString(),
    });

    // The colleague it is an activity of sees it (without Bcc) and may download its attachment.
    const theirs = await signIn(t.app, colleague.username, TEST_PASSWORD);
    const seen = await theirs.request({ method: 'GET', url: `/api/emails/${email.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().data.attributes.bccRecipients).toEqual([]);
    expect(
      (await theirs.request({ method: 'GET', url: `/api/files/${attachment}/content` })).statusCode,
    ).toBe(200);
    sink.messages.splice(0);
  });

  it('refuses bad input with a pointer, storing and queueing nothing', async () => {
    await t.deps.db
      .insertInto('userEmails')
      .values({
        id: newId(),
        userId: ada.id,
        email: 'unverified@acme.example',
        emailNormalized: 'unverified@acme.example',
        verifiedAt: null,
        position: 0,
        createdAt: t.clock.now().toISOString(),
      })
      .execute();
    const foreignOrganization = await buildOrganization(t);
    const stranger = await buildUser(t, { organization: foreignOrganization });
    const strangerBrowser = await signIn(t.app, stranger.username, TEST_PASSWORD);
    const strangersFile = await upload(strangerBrowser, Buffer.from('theirs'), 'theirs.txt');
    const { browser: colleagueBrowser } = await signedInUser(t, { organization });
    const colleaguesFile = await upload(colleagueBrowser, Buffer.from('not yours'), 'c.txt');
    const before = await counts();
    const cases: [Record<string, unknown>, Record<string, unknown> | undefined, number, string, string][] = [
      [
        { ...basic, from: 'someone@else.example' },
        undefined,
        422,
        'email_from_not_allowed',
        '/data/attributes/from',
      ],
      [
        { ...basic, from: 'unverified@acme.example' },
        undefined,
        422,
        'email_from_not_allowed',
        '/data/attributes/from',
      ],
      [
        { ...basic, toRecipients: [] },
        undefined,
        422,
        'email_recipients_required',
        '/data/attributes/toRecipients',
      ],
      [
        { ...basic, toRecipients: ['ok@example.org', 'not an address'] },
        undefined,
        422,
        'invalid_email_address',
        '/data/attributes/toRecipients/1',
      ],
      [
        { ...basic, ccRecipients: ['Eve\r\nBcc: all@example.org <eve@example.org>'] },
        undefined,
        422,
        'header_injection',
        '/data/attributes/ccRecipients/0',
      ],
      [
        { ...basic, subject: 'Hi\r\nBcc: all@example.org' },
        undefined,
        422,
        'invalid',
        '/data/attributes/subject',
      ],
      [{ ...basic, subject: '' }, undefined, 422, 'invalid', '/data/attributes/subject'],
      [{ ...basic, subject: 'x'.repeat(999) }, undefined, 422, 'invalid', '/data/attributes/subject'],
      [
        { ...basic, subject: 'Hi {{ recipient.firstName }}' },
        undefined,
        422,
        'template_variable_unfilled',
        '/data/attributes/subject',
      ],
      [
        { ...basic, body: { type: 'html', content: '<p>Dear {{recipient.fullName}}</p>' } },
        undefined,
        422,
        'template_variable_unfilled',
        '/data/attributes/body/content',
      ],
      [
        { ...basic, sendAt: new Date(t.clock.now().getTime() - 1000).toISOString() },
        undefined,
        422,
        'send_at_past',
        '/data/attributes/sendAt',
      ],
      [{ ...basic, sendAt: 'tomorrow' }, undefined, 422, 'invalid', '/data/attributes/sendAt'],
      [
        basic,
        { activityTargets: users(stranger.id) },
        404,
        'user_not_found',
        '/data/relationships/activityTargets/data/0',
      ],
      [
        basic,
        { attachments: files(strangersFile) },
        404,
        'file_not_found',
        '/data/relationships/attachments/data/0',
      ],
      [
        basic,
        { attachments: files(colleaguesFile) },
        404,
        'file_not_found',
        '/data/relationships/attachments/data/0',
      ],
      [
        basic,
        { inReplyTo: { data: { type: 'emails', id: newId() } } },
        404,
        'email_not_found',
        '/data/relationships/inReplyTo/data',
      ],
      [{ ...basic, organizationId: foreignOrganization.id }, undefined, 400, 'invalid', '/data/attributes'],
      [
        { ...basic, body: { type: 'rtf', content: 'x' } },
        undefined,
        422,
        'invalid',
        '/data/attributes/body/type',
      ],
    ];
    for (const [attributes, relationships, status, code, pointer] of cases) {
      const response = await send(attributes, relationships);
      const label = JSON.stringify(attributes).slice(0, 120);
      expect(response.statusCode, `${label} ${response.body}`).toBe(status);
      const error = response.json().errors[0];
      if (code !== 'invalid') expect(error.code, label).toBe(code);
      expect(error.source?.pointer ?? '', label).toContain(pointer);
    }
    expect(await counts()).toEqual(before);
  });

  it('takes a long body (beyond the 256 KB of other JSON bodies) and refuses one over its limit', async () => {
    const long = await send({ ...basic, body: { type: 'text', content: 'é'.repeat(400_000) } });
    expect(long.statusCode, long.body.slice(0, 300)).toBe(201);
    const tooLong = await send({ ...basic, body: { type: 'text', content: 'a'.repeat(500_001) } });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].source.pointer).toBe('/data/attributes/body/content');
    await worker.drain();
    await sink.waitFor(1);
    sink.messages.splice(0);
  });

  it('keeps to the per-email attachment total', async () => {
    const small = await buildOrganization(t);
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: small.id },
      'email.attachments_total_max_mb',
      1,
    );
    const { user, browser } = await signedInUser(t, { organization: small });
    const first = await upload(browser, Buffer.alloc(600 * 1024, 'a'), 'a.txt');
    const second = await upload(browser, Buffer.alloc(600 * 1024, 'b'), 'b.txt');
    const refused = await send(
      { ...basic, from: user.email },
      { attachments: files(first, second) },
      browser,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      code: 'attachments_too_large',
      source: { pointer: '/data/relationships/attachments' },
    });
  });

  it('an SMTP outage delays the email but loses none, and the retry keeps its Message-ID', async () => {
    await sink.stop();
    const email = (await send({ ...basic, subject: 'During the outage' })).json().data;
    expect(await worker.runOnce()).toBe(1);
    const waiting = (await sender.request({ method: 'GET', url: `/api/emails/${email.id}` })).json().data
      .attributes;
    expect(waiting).toMatchObject({ status: 'queued', sentAt: null });
    await sink.start();
    t.clock.advance(60_000);
    expect(await worker.runOnce()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.parsed.messageId).toBe(email.attributes.messageId);
    expect(
      (await sender.request({ method: 'GET', url: `/api/emails/${email.id}` })).json().data.attributes.status,
    ).toBe('sent');
    expect(sink.messages).toHaveLength(1);
    sink.messages.splice(0);
  });

  it('schedules with sendAt: waits, can be cancelled until sent, and goes out when due', async () => {
    const later = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const cancelled = (await send({ ...basic, subject: 'Cancel me', sendAt: later })).json().data;
    expect(cancelled.attributes).toMatchObject({ status: 'scheduled', sendAt: later });
    // meta.abilities: the author may cancel it while it is scheduled, and reply.
    expect(cancelled.meta.abilities).toEqual({ cancel: true, reply: true });
    const scheduled = (await send({ ...basic, subject: 'Later', sendAt: later })).json().data;
    expect(await worker.runOnce()).toBe(0);

    // Only the author cancels; a manager who sees every activity may not (403); others see nothing (404).
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const seenByManager = await managerBrowser.request({ method: 'GET', url: `/api/emails/${cancelled.id}` });
    expect(seenByManager.statusCode).toBe(200);
    expect(seenByManager.json().data.meta.abilities).toEqual({ cancel: false, reply: true });
    expect(
      (await managerBrowser.request({ method: 'DELETE', url: `/api/emails/${cancelled.id}` })).statusCode,
    ).toBe(403);
    const { browser: member } = await signedInUser(t, { organization });
    expect((await member.request({ method: 'DELETE', url: `/api/emails/${cancelled.id}` })).statusCode).toBe(
      404,
    );

    expect((await sender.request({ method: 'DELETE', url: `/api/emails/${cancelled.id}` })).statusCode).toBe(
      204,
    );
    const afterCancel = (await sender.request({ method: 'GET', url: `/api/emails/${cancelled.id}` })).json()
      .data;
    expect(afterCancel.attributes.status).toBe('cancelled');
    expect(afterCancel.meta.abilities).toEqual({ cancel: false, reply: true });
    const again = await sender.request({ method: 'DELETE', url: `/api/emails/${cancelled.id}` });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('email_not_cancellable');

    t.clock.advance(3600_000 + 1);
    expect(await worker.runOnce()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.parsed.subject).toBe('Later');
    expect(
      (await sender.request({ method: 'GET', url: `/api/emails/${scheduled.id}` })).json().data.attributes
        .status,
    ).toBe('sent');
    expect((await sender.request({ method: 'DELETE', url: `/api/emails/${scheduled.id}` })).statusCode).toBe(
      409,
    );
    const immediate = (await send({ ...basic, subject: 'Now' })).json().data;
    expect((await sender.request({ method: 'DELETE', url: `/api/emails/${immediate.id}` })).statusCode).toBe(
      409,
    );
    await worker.runOnce();
    await sink.waitFor(2);
    sink.messages.splice(0);
  });

  it('a reply prefixes Re: and sets In-Reply-To and References', async () => {
    const first = (await send({ ...basic, subject: 'Plans' })).json().data;
    const reply = await send(
      { ...basic, subject: 'Plans' },
      { inReplyTo: { data: { type: 'emails', id: first.id } } },
    );
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().data.attributes.subject).toBe('Re: Plans');
    expect(reply.json().data.relationships.inReplyTo.data).toEqual({ type: 'emails', id: first.id });
    const second = reply.json().data;
    const third = (
      await send(
        { ...basic, subject: 'Re: Plans' },
        { inReplyTo: { data: { type: 'emails', id: second.id } } },
      )
    ).json().data;
    expect(third.attributes.subject).toBe('Re: Plans');
    await worker.drain();
    const mails = await sink.waitFor(3);
    const last = mails.find((mail) => mail.parsed.messageId === third.attributes.messageId);
    expect(last?.parsed.inReplyTo).toBe(second.attributes.messageId);
    expect(last?.parsed.references).toEqual([first.attributes.messageId, second.attributes.messageId]);
    sink.messages.splice(0);
  });

  it('needs emails.send to send; another organization’s email is 404', async () => {
    const other = await buildOrganization(t);
    await revokeFromRole(t, other, 'User', ['emails.send']);
    const { user, browser } = await signedInUser(t, { organization: other });
    expect((await send({ ...basic, from: user.email }, undefined, browser)).statusCode).toBe(403);
    const email = (await send(basic)).json().data;
    // Reading a team mate's email without emails.send: no Reply.
    await revokeFromRole(t, organization, 'Manager', ['emails.send']);
    const { browser: reader } = await signedInUser(t, { organization, roles: ['Manager'] });
    const read = await reader.request({ method: 'GET', url: `/api/emails/${email.id}` });
    expect(read.json().data.meta.abilities).toEqual({ cancel: false, reply: false });
    const { browser: outsider } = await signedInUser(t, { roles: ['Administrator'] });
    expect((await outsider.request({ method: 'GET', url: `/api/emails/${email.id}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'DELETE', url: `/api/emails/${email.id}` })).statusCode).toBe(
      404,
    );
    const reply = await send(
      { ...basic, from: user.email },
      { inReplyTo: { data: { type: 'emails', id: email.id } } },
      outsider,
    );
    expect(reply.statusCode).toBe(422);
  });
});
