import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { assertDeliverableAddress, headerText, isDeliverableAddress } from '../headers';
import { appUrl, redactSecrets, renderTemplate, templateNames } from './index';
import { messagesFor } from './messages/index';
// The features' emails, registered as their modules load (as the services that queue them do).
import '../../../features/calendar/mail-templates';
import '../../../features/passwords/mail-templates';
import '../../../features/reminders/mail-templates';
import '../../../features/user-emails/mail-templates';
import '../../../features/users/mail-templates';

const publicUrl = 'https://crm.example.org';

const samples = {
  'password-changed': { name: 'Ada', changedAt: '2026-01-15T09:00:00.000Z', byAdministrator: false },
  'password-reset': { name: 'Ada', token: 't', expiresInHours: 24, byAdministrator: true },
  'email-verification': { name: 'Ada', email: 'ada@example.com', token: 't', expiresInHours: 48 },
  'email-changed': { name: 'Ada', oldEmail: 'old@example.com', newEmail: 'new@example.com' },
  reminder: {
    kind: 'event',
    title: 'Review',
    at: '2026-01-15T09:00:00.000Z',
    allDayDate: null,
    path: '/calendar',
  },
  invitation: {
    organizer: 'Ada Lovelace',
    title: 'Team sync',
    when: '15 January 2026, 10:00',
    repeats: true,
    isNew: true,
    path: '/calendar-answer#token=t',
  },
  'invitation-cancelled': { organizer: 'Ada Lovelace', title: 'Team sync', when: '15 January 2026' },
  'invitation-answer': {
    guest: 'Bob <bob@example.com>',
    guestName: 'Bob',
    status: 'tentative',
    title: 'Team sync',
    when: '15 January 2026',
  },
  generic: { subject: 'A note', paragraphs: ['One.', 'Two.'] },
} as const;

describe('system email templates', () => {
  it('are every feature’s emails, registered', () => {
    expect([...templateNames].sort()).toEqual(Object.keys(samples).sort());
  });

  it('render every template with the product name, a text part and an HTML part', () => {
    for (const name of templateNames) {
      const rendered = renderTemplate(name, samples[name] as never, { publicUrl });
      expect(rendered.subject).toContain('Atrium');
      expect(rendered.text).toContain('Atrium');
      expect(rendered.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(rendered.html).toContain('<h1');
      expect(rendered.html).toContain('>Atrium<');
    }
  });

  it('build links only from PUBLIC_URL, with the token in the fragment', () => {
    const reset = renderTemplate(
      'password-reset',
      { name: 'Ada', token: 'abc_-1', expiresInHours: 1, byAdministrator: false },
      { publicUrl },
    );
    expect(reset.text).toContain('https://crm.example.org/password-reset#token=abc_-1');
    expect(reset.text).toContain('expires in 1 hour.');
    const verify = renderTemplate(
      'email-verification',
      { name: 'Ada', email: 'a@b.co', token: 'xyz', expiresInHours: 48 },
      { publicUrl: `${publicUrl}/` },
    );
    expect(verify.html).toContain('href="https://crm.example.org/verify-email#token=xyz"');
    expect(verify.text).toContain('48 hours');
    const generic = renderTemplate(
      'generic',
      { subject: 'S', paragraphs: [], action: { label: 'Open', path: '/users/me' } },
      { publicUrl },
    );
    expect(generic.text).toContain('https://crm.example.org/users/me');
    for (const path of ['https://evil.example', '//evil.example/x', 'users/me', '/a\r\nb', '/a\\b']) {
      expect(() => appUrl(publicUrl, path)).toThrow(AppError);
    }
  });

  it('escape user content in the HTML part and keep names on one line', () => {
    const rendered = renderTemplate(
      'email-changed',
      {
        name: '<img src=x onerror=alert(1)>\r\nBcc: x',
        oldEmail: 'a"b@example.com',
        newEmail: "o'c@example.com",
      },
      { publicUrl },
    );
    expect(rendered.html).not.toContain('<img');
    expect(rendered.html).toContain('&lt;img src=x onerror=alert(1)&gt; Bcc: x');
    expect(rendered.html).toContain('a&quot;b@example.com');
    expect(rendered.html).toContain('o&#39;c@example.com');
    expect(rendered.text).toContain('Hello <img src=x onerror=alert(1)> Bcc: x,');
  });

  it('include a new password only when given, and say who changed it', () => {
    const base = { name: 'Ada', changedAt: '2026-01-15T09:00:00.000Z' };
    const self = renderTemplate('password-changed', { ...base, byAdministrator: false }, { publicUrl });
    expect(self.text).toContain('The password of your Atrium account was changed on January 15, 2026');
    expect(self.text).not.toContain('new password is');
    const byAdmin = renderTemplate(
      'password-changed',
      { ...base, byAdministrator: true, newPassword: 'S3cret<&>' },
      { publicUrl, locale: 'en-GB' },
    );
    expect(byAdmin.text).toContain(
      'An administrator changed the password of your Atrium account on 15 January 2026',
    );
    expect(byAdmin.text).toContain('S3cret<&>');
    expect(byAdmin.html).toContain('S3cret&lt;&amp;&gt;');
  });

  it("write in the recipient's language, and dates in their locale and time zone", () => {
    const options = { publicUrl, language: 'de', locale: 'de-DE', timeZone: 'Asia/Tokyo' };
    const changed = renderTemplate(
      'password-changed',
      { name: 'Ada', changedAt: '2026-01-15T23:30:00.000Z', byAdministrator: false },
      options,
    );
    expect(changed.language).toBe('de');
    expect(changed.subject).toBe('Ihr Atrium-Passwort wurde geändert');
    // 23:30 UTC is 08:30 the next morning in Tokyo.
    expect(changed.text).toContain('am 16. Januar 2026 um 08:30 GMT+9 geändert');
    expect(changed.html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    const reminder = renderTemplate(
      'reminder',
      { kind: 'task', title: 'Call Ada', at: '2026-01-15T23:30:00.000Z', allDayDate: null, path: '/tasks' },
      options,
    );
    expect(reminder.subject).toBe('Erinnerung: Call Ada | Atrium');
    expect(reminder.text).toContain('Diese Aufgabe ist fällig am Freitag, 16. Januar 2026 um 08:30 GMT+9.');
    const english = renderTemplate(
      'reminder',
      { kind: 'event', title: 'Review', at: '2026-01-15T23:30:00.000Z', allDayDate: null, path: '/calendar' },
      { publicUrl, language: 'en', locale: 'en-US', timeZone: 'America/New_York' },
    );
    expect(english.text).toContain('This event starts Thursday, January 15, 2026 at 6:30 PM EST.');
  });

  it('render every template in French and in Arabic, the Arabic HTML right to left', () => {
    for (const name of templateNames) {
      const french = renderTemplate(name, samples[name] as never, {
        publicUrl,
        language: 'fr',
        locale: 'fr-FR',
      });
      expect(french.language).toBe('fr');
      expect(french.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
      const arabic = renderTemplate(name, samples[name] as never, {
        publicUrl,
        language: 'ar',
        locale: 'ar',
      });
      expect(arabic.language).toBe('ar');
      expect(arabic.html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
      expect(arabic.html).toContain('<div role="article" aria-roledescription="email" dir="rtl"');
    }
    const invitation = renderTemplate('invitation', samples.invitation, { publicUrl, language: 'fr' });
    expect(invitation.subject).toBe('Invitation : Team sync | Atrium');
    expect(invitation.text).toContain('Ada Lovelace vous invite à cet événement.');
    expect(invitation.text).toContain('Quand : 15 January 2026, 10:00 (périodique)');
    const answer = renderTemplate('invitation-answer', samples['invitation-answer'], {
      publicUrl,
      language: 'ar',
    });
    // Latin names inside Arabic sentences are isolated (FSI … PDI) so they keep their order.
    expect(answer.text).toContain('\u2068Bob <bob@example.com>\u2069 قبِل مبدئيًا دعوتك.');
    expect(
      renderTemplate('password-reset', samples['password-reset'], { publicUrl, language: 'ar' }).text,
    ).toContain('خلال 24 ساعة.');
  });

  it('fall back to the locale’s language for a language without a catalog, then to English', () => {
    // The words of a feature's email fall back as the frame's do.
    expect(
      renderTemplate('password-reset', samples['password-reset'], { publicUrl, language: 'es-MX' }).subject,
    ).toBe('Reset your Atrium password');
    expect(messagesFor('es-MX').language).toBe('en');
    expect(messagesFor('es', 'fr-CA').language).toBe('fr');
    expect(messagesFor('de', 'fr-CA').language).toBe('de');
    expect(messagesFor('en_GB').language).toBe('en');
    expect(messagesFor('de_CH').language).toBe('de');
    expect(messagesFor(null).language).toBe('en');
    expect(messagesFor('not a locale!').language).toBe('en');
    const rendered = renderTemplate(
      'generic',
      { subject: 'Hi', paragraphs: [] },
      { publicUrl, language: 'es', locale: 'pt-BR' },
    );
    expect(rendered.html).toContain('<html lang="en">');
    expect(rendered.language).toBe('en');
  });
});

describe('redactSecrets', () => {
  it('hides link tokens and a new password in both parts, and nothing else', () => {
    const reset = renderTemplate(
      'password-reset',
      { name: 'Ada', token: 'Zm9v_-bar', expiresInHours: 1, byAdministrator: false },
      { publicUrl },
    );
    for (const [body, format] of [
      [reset.text, 'text'],
      [reset.html, 'html'],
    ] as const) {
      const redacted = redactSecrets(body, format);
      expect(redacted).not.toContain('Zm9v_-bar');
      expect(redacted).toContain('https://crm.example.org/password-reset#token=[hidden]');
      expect(redacted).toContain('Hello Ada,');
    }
    const changed = renderTemplate(
      'password-changed',
      {
        name: 'Ada',
        changedAt: '2026-01-15T09:00:00.000Z',
        byAdministrator: true,
        newPassword: 'pa ss<word>',
      },
      { publicUrl },
    );
    expect(redactSecrets(changed.text, 'text')).not.toContain('pa ss<word>');
    expect(redactSecrets(changed.text, 'text')).toContain('Your new password is:\n\n    [hidden]');
    expect(redactSecrets(changed.html, 'html')).not.toContain('pa ss&lt;word&gt;');
    expect(redactSecrets(changed.html, 'html')).toContain('[hidden]</p>');
  });
});

describe('header safety', () => {
  it('accepts ordinary and internationalized addresses', () => {
    for (const address of ['ada@example.com', 'a.b+tag@sub.example.co.uk', 'jörg@bücher.de', 'x@localhost']) {
      expect(isDeliverableAddress(address)).toBe(true);
    }
  });

  it('refuses addresses with control characters, several @, or bad parts', () => {
    for (const address of [
      'a@b.c\r\nBcc: d@e.f',
      'a@b.c\n',
      'a\u2028@b.c',
      'a@b@c.d',
      '@b.c',
      'a@',
      'a b@c.d',
      '<a@b.c>',
      'a@b.c, d@e.f',
      '.a@b.c',
      'a..b@c.d',
      `${'x'.repeat(65)}@b.c`,
      `a@${'b'.repeat(250)}.c`,
      'a@-b.c',
    ]) {
      expect(isDeliverableAddress(address), address).toBe(false);
    }
    expect(() => assertDeliverableAddress('a@b.c\r\nX: y')).toThrow(
      expect.objectContaining({ kind: 'validation', code: 'invalid_email_address' }),
    );
  });

  it('flattens control characters in header text', () => {
    expect(headerText('Hi\r\nBcc: x\u0000y\u2029z\t end ')).toBe('Hi Bcc: x y z end');
    expect(headerText('x'.repeat(300))).toHaveLength(200);
  });
});
