import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  buildAdmin,
  buildMember,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { type SmtpSink, startSmtpSink } from '../../../tests/helpers/smtp-sink';
import { writeSetting } from '../settings';
import { createTransport } from './transport';
import { createMailWorker } from './worker';

/**
 * Issue 15 item 4: every system email is written in its RECIPIENT's language, with dates in their
 * locale and time zone — their settings in the organization the mail is about (system →
 * organization → user), not the sender's — and says its language in `Content-Language`. Read at
 * a real SMTP server.
 */
describe('system emails in the recipient’s language, locale, time zone and name format', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const deliver = async (count: number) => {
    const worker = createMailWorker({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock: t.clock,
      transport: createTransport(t.config),
    });
    await worker.drain();
    await worker.stop();
    return sink.waitFor(count);
  };
  const mailTo = (address: string) => {
    const found = sink.messages.filter((mail) => mail.envelope.to.includes(address));
    expect(found, address).toHaveLength(1);
    return found[0] as (typeof sink.messages)[number];
  };

  it('an administrator’s Change Password and Reset Password reach each user as that user reads', async () => {
    t.clock.set('2026-01-15T23:30:00.000Z');
    const organization = await buildOrganization(t);
    const scope = { organizationId: organization.id };
    // The organization: French dates, New York time; the administrator: American English, UTC.
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.locale', 'fr-FR');
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.language', 'fr');
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      scope,
      'localization.timezone',
      'America/New_York',
    );
    const admin = await buildAdmin(t, organization);
    const adminScope = { ...scope, userId: admin.id };
    await writeSetting(t.deps.db, t.clock, 'user', adminScope, 'localization.locale', 'en-US');
    await writeSetting(t.deps.db, t.clock, 'user', adminScope, 'localization.timezone', 'UTC');
    // Greta reads German, in Tokyo; Odile keeps the organization's settings.
    const greta = await buildMember(t, organization);
    const gretaScope = { ...scope, userId: greta.id };
    await writeSetting(t.deps.db, t.clock, 'user', gretaScope, 'localization.language', 'de');
    await writeSetting(t.deps.db, t.clock, 'user', gretaScope, 'localization.locale', 'de-DE');
    await writeSetting(t.deps.db, t.clock, 'user', gretaScope, 'localization.timezone', 'Asia/Tokyo');
    const odile = await buildMember(t, organization);
    // Amira reads Arabic, right to left, with the organization's locale and zone.
    const amira = await buildMember(t, organization);
    await writeSetting(
      t.deps.db,
      t.clock,
      'user',
      { ...scope, userId: amira.id },
      'localization.language',
      'ar',
    );
    // Greta's settings in ANOTHER organization do not apply to mail about this one.
    const elsewhere = await buildOrganization(t);
    await writeSetting(
      t.deps.db,
      t.clock,
      'user',
      { organizationId: elsewhere.id, userId: greta.id },
      'localization.timezone',
      'Pacific/Honolulu',
    );

    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    for (const user of [greta, odile, amira]) {
      const response = await browser.request({
        method: 'POST',
        url: `/api/users/${user.id}/password-set`,
        payload: { data: { type: 'password-sets', attributes: { newPassword: 'a brand new passphrase' } } },
      });
      expect(response.statusCode, response.body).toBe(204);
    }
    const reset = await browser.request({ method: 'POST', url: `/api/users/${greta.id}/password-reset` });
    expect(reset.statusCode, reset.body).toBe(202);
    await deliver(4);

    const forGreta = sink.messages.filter((mail) => mail.envelope.to.includes(greta.email));
    expect(forGreta).toHaveLength(2);
    const changedForGreta = forGreta.find((mail) => mail.parsed.subject?.includes('geändert'));
    const resetForGreta = forGreta.find((mail) => mail.parsed.subject?.includes('zurücksetzen'));
    // 23:30 UTC on 15 January is 08:30 on the 16th in Tokyo.
    expect(changedForGreta?.parsed.subject).toBe('Ihr Atrium-Passwort wurde geändert');
    expect(changedForGreta?.parsed.text).toContain(
      'Ein Administrator hat das Passwort Ihres Atrium-Kontos am 16. Januar 2026 um 08:30 GMT+9 geändert.',
    );
    expect(changedForGreta?.parsed.headers.get('content-language')).toBe('de');
    expect(changedForGreta?.parsed.html).toContain('<html lang="de">');
    expect(resetForGreta?.parsed.subject).toBe('Atrium-Passwort zurücksetzen');
    expect(resetForGreta?.parsed.headers.get('content-language')).toBe('de');

    // Odile: the organization's language, locale and zone (18:30 on the 15th in New York).
    const forOdile = mailTo(odile.email);
    expect(forOdile.parsed.subject).toBe('Votre mot de passe Atrium a été changé');
    expect(forOdile.parsed.text).toContain(
      'Un administrateur a changé le mot de passe de votre compte Atrium le 15 janvier 2026 à 18:30 UTC−5.',
    );
    expect(forOdile.parsed.headers.get('content-language')).toBe('fr');
    expect(forOdile.parsed.html).toContain('<html lang="fr">');

    // Amira: Arabic words, right to left, the French locale's date inside them isolated.
    const forAmira = mailTo(amira.email);
    expect(forAmira.parsed.subject).toBe('تم تغيير كلمة مرور Atrium الخاصة بك');
    expect(forAmira.parsed.text).toContain(
      'غيّر مسؤول كلمة مرور حسابك في Atrium في \u206815 janvier 2026 à 18:30 UTC−5\u2069.',
    );
    expect(forAmira.parsed.headers.get('content-language')).toBe('ar');
    expect(forAmira.parsed.html).toContain('<html lang="ar" dir="rtl">');
  });

  it('a guest outside the organization reads the organization’s language and locale, in the event’s zone', async () => {
    t.clock.set('2026-02-20T12:00:00.000Z');
    const before = sink.messages.length;
    const organization = await buildOrganization(t);
    const scope = { organizationId: organization.id };
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.language', 'fr');
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.locale', 'fr-FR');
    // The organizer reads English: the guest's mail does not follow the sender.
    const organizer = await buildUser(t, { organization, firstName: 'Grace', lastName: 'Hopper' });
    const organizerScope = { ...scope, userId: organizer.id };
    await writeSetting(t.deps.db, t.clock, 'user', organizerScope, 'localization.language', 'en');
    await writeSetting(t.deps.db, t.clock, 'user', organizerScope, 'localization.locale', 'en-US');
    const browser = await signIn(t.app, organizer.username, TEST_PASSWORD);
    const event = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Revue trimestrielle',
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T10:00:00Z',
            timeZone: 'Europe/Paris',
            attendees: [{ email: 'invitee@dehors.example' }],
          },
        },
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    await deliver(before + 1);
    const invitation = mailTo('invitee@dehors.example');
    expect(invitation.parsed.headers.get('content-language')).toBe('fr');
    expect(invitation.parsed.subject).toMatch(/^Invitation : Revue trimestrielle/);
    expect(invitation.parsed.text).toContain('Grace Hopper vous invite à cet événement.');
    // 09:00 UTC is 10:00 in Paris, written the French way ("10:00", a French month name).
    expect(invitation.parsed.text).toMatch(/Quand : .*mars.*10:00/);
  });

  it('names people as each reader writes names: their Name format, else the organization’s', async () => {
    t.clock.set('2026-02-20T12:00:00.000Z');
    const before = sink.messages.length;
    const organization = await buildOrganization(t);
    const scope = { organizationId: organization.id };
    // The organization writes family names first; Ada, in Japanese, chose given name first
    // (her locale alone would put the family name first); Odile keeps the organization's.
    await writeSetting(t.deps.db, t.clock, 'organization', scope, 'localization.name_format', 'last_first');
    const grace = await buildUser(t, {
      organization,
      roles: ['Administrator'],
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@names.example',
    });
    const ada = await buildUser(t, { organization, firstName: 'Ada', lastName: 'Lovelace' });
    const adaScope = { ...scope, userId: ada.id };
    await writeSetting(t.deps.db, t.clock, 'user', adaScope, 'localization.locale', 'ja-JP');
    await writeSetting(t.deps.db, t.clock, 'user', adaScope, 'localization.name_format', 'first_last');
    const odile = await buildUser(t, { organization, firstName: 'Odile', lastName: 'Martin' });
    const browser = await signIn(t.app, grace.username, TEST_PASSWORD);

    // Password emails: each greets its reader by their own name, in their own order.
    for (const user of [ada, odile]) {
      const response = await browser.request({
        method: 'POST',
        url: `/api/users/${user.id}/password-set`,
        payload: { data: { type: 'password-sets', attributes: { newPassword: 'a brand new passphrase' } } },
      });
      expect(response.statusCode, response.body).toBe(204);
    }
    // An invitation to Ada and to an outside guest: the organizer as each of them writes names.
    const event = await browser.request({
      method: 'POST',
      url: '/api/calendarevents',
      payload: {
        data: {
          type: 'calendarevents',
          attributes: {
            title: 'Naming review',
            start: '2026-03-02T09:00:00Z',
            end: '2026-03-02T09:30:00Z',
            timeZone: 'UTC',
            attendees: [{ email: ada.email }, { email: 'guest@outside.example' }],
          },
        },
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    // Send Email to an outside address: the From name in the organization's order.
    const sent = await browser.request({
      method: 'POST',
      url: '/api/emails',
      payload: {
        data: {
          type: 'emails',
          attributes: {
            from: grace.email,
            toRecipients: ['someone@outside.example'],
            subject: 'Hello',
            body: { type: 'text', content: 'Hi' },
          },
        },
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await deliver(before + 5);
    const fresh = sink.messages.slice(before);
    const only = (address: string, subject: RegExp) => {
      const found = fresh.filter(
        (mail) => mail.envelope.to.includes(address) && subject.test(mail.parsed.subject ?? ''),
      );
      expect(found, `${address} ${subject}`).toHaveLength(1);
      return found[0] as (typeof fresh)[number];
    };

    const adaPassword = only(ada.email, /password/i);
    expect(adaPassword.parsed.to).toMatchObject({ value: [{ name: 'Ada Lovelace' }] });
    expect(adaPassword.parsed.text).toContain('Ada Lovelace');
    const odilePassword = only(odile.email, /password/i);
    expect(odilePassword.parsed.to).toMatchObject({ value: [{ name: 'Martin Odile' }] });
    expect(odilePassword.parsed.text).toContain('Martin Odile');

    expect(only(ada.email, /Invitation/).parsed.text).toContain('Grace Hopper invites you to this event.');
    const outside = only('guest@outside.example', /Invitation/);
    expect(outside.parsed.text).toContain('Hopper Grace invites you to this event.');
    const calendar = outside.parsed.attachments.find((part) => part.contentType.startsWith('text/calendar'));
    expect(calendar?.content.toString('utf8')).toMatch(
      /ORGANIZER;CN="?Hopper Grace"?:mailto:grace@names\.example/i,
    );

    expect(only('someone@outside.example', /Hello/).parsed.from).toMatchObject({
      value: [{ name: 'Hopper Grace', address: grace.email }],
    });

    // Template variables: a member recipient's order; the sender in that same reader's order.
    const template = await browser.request({
      method: 'POST',
      url: '/api/email-templates',
      payload: {
        data: {
          type: 'emailtemplates',
          attributes: {
            name: 'Names',
            subject: 'Names',
            body: { type: 'text', content: '{{ recipient.fullName }} / {{ sender.fullName }}' },
          },
        },
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    const render = (recipient: string) =>
      browser.request({
        method: 'GET',
        url: `/api/email-templates/${template.json().data.id}/render?recipient=${encodeURIComponent(recipient)}`,
      });
    expect((await render(ada.id)).json().meta.body.content).toBe('Ada Lovelace / Grace Hopper');
    expect((await render(odile.id)).json().meta.body.content).toBe('Martin Odile / Hopper Grace');
  });
});
