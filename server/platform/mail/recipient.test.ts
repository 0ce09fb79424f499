import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildOrganization, TEST_PASSWORD } from '../../../tests/helpers/factories';
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
describe('system emails in the recipient’s language, locale and time zone', () => {
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
});
