import { describe, expect, it } from 'vitest';
import { settingValueProblem } from './setting-rules';
import { type SettingKey, settingDefinitions } from './settings';

const problemOf = (key: SettingKey, value: unknown) => {
  const issue = settingDefinitions[key].schema.safeParse(value).error?.issues[0];
  if (!issue) throw new Error(`${key} accepts ${JSON.stringify(value)}`);
  return settingValueProblem(key, issue);
};

describe('settingValueProblem', () => {
  it('names the bound of a text that is too long, and both of a whole number out of range', () => {
    expect(problemOf('email.signature', 'x'.repeat(10_001))).toEqual({
      detail: 'Type at most 10000 characters.',
      meta: { reason: 'text_too_long', key: 'email.signature', maximum: 10_000 },
    });
    expect(problemOf('password.min_length', 200)).toEqual({
      detail: 'Choose a whole number from 8 to 128.',
      meta: { reason: 'number_range', key: 'password.min_length', minimum: 8, maximum: 128 },
    });
  });

  it('names a text setting’s own rule and an example, whatever the fault (form, length, type)', () => {
    const cases: [SettingKey, unknown[], string, string][] = [
      ['localization.locale', ['not a locale', 'x', 'x'.repeat(40), 42], 'locale', 'en-US'],
      ['localization.timezone', ['Mars/Olympus', '', 'x'.repeat(70), true], 'time_zone', 'Europe/Berlin'],
      ['email.default_from', ['jane', 'x'.repeat(300)], 'email', 'jane@example.com'],
      ['meeting_links.jitsi_base_url', ['http://meet.example.com/'], 'https_url', 'https://meet.jit.si/'],
      [
        'meeting_links.url_template',
        ['https://meet.example.com/'],
        'url_template',
        'https://meet.example.com/{room}',
      ],
    ];
    for (const [key, values, reason, example] of cases) {
      for (const value of values) {
        const problem = problemOf(key, value);
        expect(problem.meta, `${key} ${JSON.stringify(value)}`).toEqual({ reason, key, example });
        expect(problem.detail).toContain(example);
      }
    }
  });

  it('names a whole-number setting’s range whatever the refused value is (text, a fraction)', () => {
    for (const value of ['ten', 12.5, 1000]) {
      expect(problemOf('password.min_length', value).meta).toEqual({
        reason: 'number_range',
        key: 'password.min_length',
        minimum: 8,
        maximum: 128,
      });
    }
  });
});
