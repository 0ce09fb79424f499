import { describe, expect, it } from 'vitest';
import '../../../features/passwords/mail-templates';
import { renderTemplate, templateNames } from './index';
import { registerMailTemplate } from './registry';

const publicUrl = 'https://crm.example.org';

/** Issue 11 item 7: the platform renders; a feature brings its emails and their words. */
describe('the mail template registry', () => {
  it('renders an email a feature registered, in its words inside the frame’s', () => {
    expect(templateNames).toEqual(expect.arrayContaining(['generic', 'password-changed', 'password-reset']));
    const reset = renderTemplate(
      'password-reset',
      { name: 'Ada', token: 't', expiresInHours: 2, byAdministrator: false },
      { publicUrl, language: 'de' },
    );
    expect(reset.language).toBe('de');
    expect(reset.subject).toBe('Atrium-Passwort zurücksetzen');
    // The feature's sentence with the frame's plural, then the frame's footer.
    expect(reset.text).toContain('Dieser Link funktioniert einmal und läuft in 2 Stunden ab.');
    expect(reset.text).toContain('Hallo Ada,');
    expect(reset.text).toContain('Diese E-Mail wurde von Atrium gesendet.');
  });

  it('refuses a name no feature declared (a compile error) or registered (AppError)', () => {
    expect(() =>
      // @ts-expect-error: not a name of MailTemplates.
      renderTemplate('no-such-template', {}, { publicUrl }),
    ).toThrow(expect.objectContaining({ kind: 'internal', code: 'unknown_mail_template' }));
    // Declared by the calendar feature, whose module this test does not load: not registered here.
    expect(() =>
      renderTemplate(
        'invitation-cancelled',
        { organizer: 'Ada', title: 'Sync', when: 'today' },
        { publicUrl },
      ),
    ).toThrow(expect.objectContaining({ kind: 'internal', code: 'unknown_mail_template' }));
  });

  it('keeps the first definition of a name: the same again is no change, another is an error', () => {
    const definition = {
      name: 'generic' as const,
      messages: { en: {} },
      build: () => ({ subject: 'Other', heading: 'Other', paragraphs: [] }),
    };
    expect(() => registerMailTemplate(definition)).toThrow('The mail template generic is registered twice.');
    expect(renderTemplate('generic', { subject: 'Kept', paragraphs: [] }, { publicUrl }).subject).toBe(
      'Kept | Atrium',
    );
  });
});
