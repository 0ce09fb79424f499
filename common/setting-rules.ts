import { z } from 'zod';
import { errorMeta } from './error-particulars';
import { type SettingKey, settingDefinitions } from './settings';

/** A refused setting value: the English `detail` and the particulars (`meta`) to word it in any language. */
export type SettingValueProblem = { detail: string; meta: Record<string, unknown> };

/**
 * Why `issue` (what the setting's schema found in a value) refuses the value, with the rule's own
 * particulars as `setting_invalid`'s meta (common/error-particulars.ts): a value picked from a
 * list names the allowed values (`choice` {allowed}); a whole-number setting given anything else
 * (text, a fraction, a number out of bounds) names both bounds (`number_range` {minimum, maximum}); text too short or long its length (`text_length` {minimum,
 * maximum}, `text_too_long` {maximum}); a setting with a rule of its own (a locale, a time zone,
 * an address: `rule` in common/settings.ts) names that rule and an example whatever the fault
 * (`locale`, `time_zone`, `email`, `https_url`, `url_template` {example}); anything else is `value`
 * with the schema's own English sentence as detail.
 */
export function settingValueProblem(key: SettingKey, issue: z.core.$ZodIssue): SettingValueProblem {
  const definition = settingDefinitions[key];
  const { schema } = definition;
  const choices = 'choices' in definition ? definition.choices : undefined;
  if (choices) {
    const allowed = choices.map((choice) => choice.value as string | number);
    return {
      detail: `Choose one of: ${allowed.join(', ')}.`,
      meta: errorMeta('setting_invalid', { reason: 'choice', key, allowed }),
    };
  }
  if ('rule' in definition && definition.rule) {
    const { reason, example, detail } = definition.rule;
    return { detail, meta: errorMeta('setting_invalid', { reason, key, example }) };
  }
  const outOfBounds = issue.code === 'too_small' || issue.code === 'too_big';
  // A whole-number setting: any fault (text, a fraction, out of range) gets its range.
  if (schema instanceof z.ZodNumber && schema.isInt) {
    const [minimum, maximum] = [schema.minValue ?? 0, schema.maxValue ?? Number.MAX_SAFE_INTEGER];
    return {
      detail: `Choose a whole number from ${minimum} to ${maximum}.`,
      meta: errorMeta('setting_invalid', { reason: 'number_range', key, minimum, maximum }),
    };
  }
  if (outOfBounds && schema instanceof z.ZodString && schema.maxLength !== null) {
    const [minimum, maximum] = [schema.minLength ?? 0, schema.maxLength];
    return minimum > 0
      ? {
          detail: `Type from ${minimum} to ${maximum} characters.`,
          meta: errorMeta('setting_invalid', { reason: 'text_length', key, minimum, maximum }),
        }
      : {
          detail: `Type at most ${maximum} characters.`,
          meta: errorMeta('setting_invalid', { reason: 'text_too_long', key, maximum }),
        };
  }
  return { detail: issue.message, meta: errorMeta('setting_invalid', { reason: 'value', key }) };
}
