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

  it('keeps the rule’s own sentence where it has no particulars', () => {
    expect(problemOf('localization.locale', 'not a locale').meta).toEqual({
      reason: 'value',
      key: 'localization.locale',
    });
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
