import { afterAll, describe, expect, it } from 'vitest';
import { taskCreateSchema } from '../../common/calendar';
import { newUserAttributesSchema } from '../../common/identity';
import { userProfileUpdateSchema } from '../../common/profile';
import { switchLanguage } from '../i18n/index';
import '../i18n/lazy/errors';
import '../i18n/lazy/tasks';
import { validateWith } from './form';

const checkUser = validateWith(newUserAttributesSchema);
const checkProfile = validateWith(userProfileUpdateSchema);
const checkTask = validateWith(taskCreateSchema);
const badUser = { username: 'ab', email: 'not an address', firstName: ' ', lastName: 'x'.repeat(300) };
const badTask = { subject: '', priority: 'urgent', reminders: [] };

describe('a form’s own checks (validateWith)', () => {
  afterAll(() => switchLanguage('en'));

  it('say in English the schema’s own sentence, naming the field', async () => {
    await switchLanguage('en');
    expect(checkUser(badUser).username).toBe('The username must have at least 3 characters.');
    expect(checkTask(badTask).subject).toBe('The subject is required.');
    // Not zod's `expected one of "low"|"normal"|"high"`: the values by their labels.
    expect(checkTask(badTask).priority).toBe('Choose one of these values: Low, Normal, or High.');
  });

  // The values placed in the sentence are isolated (FSI … PDI), so they keep their own direction.
  it('name allowed values by their labels, joined as Arabic joins a choice', async () => {
    await switchLanguage('ar');
    expect(checkTask(badTask).priority).toBe('اختر إحدى هذه القيم: \u2068منخفضة أو عادية أو عالية\u2069.');
  });

  it('say in German the catalog’s words for the code and particulars the server sends', async () => {
    await switchLanguage('de');
    const user = checkUser(badUser);
    expect(user.username).toBe('Geben Sie mindestens 3 Zeichen ein.');
    expect(user.firstName).toBe('Dieser Wert ist erforderlich.');
    expect(user.lastName).toBe('Geben Sie höchstens 100 Zeichen ein.');
    expect(user.email).toBe('Eine E-Mail-Adresse darf keine Leerzeichen oder Zeilenumbrüche enthalten.');
    const task = checkTask(badTask);
    expect(task.subject).toBe('Dieser Wert ist erforderlich.');
    expect(task.priority).toBe('Wählen Sie einen dieser Werte: Niedrig, Normal oder Hoch.');
    expect(checkProfile({ birthday: 'gestern' }).birthday).toBe(
      'Verwenden Sie ein Datum im Format JJJJ-MM-TT.',
    );
    expect(checkProfile({ birthday: '1990-02-30' }).birthday).toBe('Dieses Datum gibt es nicht.');
  });

  it.each(['de', 'fr', 'ar'] as const)('never show the English sentence in %s', async (language) => {
    await switchLanguage('en');
    const english = { ...checkUser(badUser), ...checkTask(badTask) };
    await switchLanguage(language);
    const translated = { ...checkUser(badUser), ...checkTask(badTask) };
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [field, text] of Object.entries(translated)) {
      expect(text, `${language} ${field}`).not.toBe(english[field]);
      expect(text, `${language} ${field}`).not.toMatch(/\b(the|must|value|characters)\b/i);
    }
  });
});
