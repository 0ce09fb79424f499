import { describe, expect, it } from 'vitest';
import {
  errorParticulars,
  type ParticularCode,
  particularNames,
  particularReasons,
} from '../../common/error-particulars';
import { errors as ar } from './ar/errors';
import { errors as de } from './de/errors';
import { errors as en } from './en/errors';
import { errorsWithSpecificDetail } from './error-details';
import { errors as fr } from './fr/errors';
import { messageArgumentNames } from './icu-format';

/**
 * Issue 16, for every error code: either its words are fixed (no particulars: one catalog entry
 * in every language), or the server sends its particulars in meta (common/error-particulars.ts,
 * whose `errorMeta` the throw sites use) and every language words it from them — an
 * `errors:particulars` message whose ICU arguments are all members the table documents for the
 * code (and, for a code thrown for several reasons, one message per reason). So no error the SPA
 * shows falls back to the server's English `detail` in German, French or Arabic.
 */
const catalogs = { en, de, fr, ar } as const;
const codes = Object.keys(en).filter((key) => key !== 'particulars');
const isParticularCode = (code: string): code is ParticularCode => Object.hasOwn(errorParticulars, code);

/** The code a key of `particulars` words: the longest code it starts with (`too_small_string`). */
function codeOfKey(key: string): string | undefined {
  return codes
    .filter((code) => key === code || key.startsWith(`${code}_`))
    .sort((a, b) => b.length - a.length)[0];
}

describe('every error code with particulars', () => {
  it('lists only codes of the catalog, and the SPA reads each from meta', () => {
    const unknown = Object.keys(errorParticulars).filter((code) => !codes.includes(code));
    expect(unknown, 'codes of common/error-particulars.ts missing from web/i18n/en/errors.ts').toEqual([]);
    expect([...errorsWithSpecificDetail].sort()).toEqual(Object.keys(errorParticulars).sort());
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])(
    'is worded in %s: a fixed message, or particulars whose arguments the table documents',
    (language) => {
      const catalog = catalogs[language] as unknown as Record<string, unknown> & {
        particulars: Record<string, unknown>;
      };
      const problems: string[] = [];
      for (const code of codes) {
        if (typeof catalog[code] !== 'string' && typeof catalog[code] !== 'function') {
          problems.push(`${code}: no message`);
        }
        if (!isParticularCode(code)) continue;
        const reasons = particularReasons(code);
        const keys = Object.keys(catalog.particulars).filter((key) => codeOfKey(key) === code);
        if (reasons.length === 0 && keys.length === 0) problems.push(`${code}: no particulars message`);
        for (const reason of reasons) {
          if (!keys.includes(`${code}_${reason}`)) problems.push(`${code}: no message for reason ${reason}`);
        }
        for (const key of keys) {
          const reason = reasons.find((item) => key === `${code}_${item}`);
          if (reasons.length > 0 && !reason) problems.push(`particulars.${key}: not a reason of ${code}`);
          const documented = particularNames(code, reason);
          const undocumented = messageArgumentNames(catalog.particulars[key]).filter(
            (name) => !documented.includes(name),
          );
          if (undocumented.length > 0) {
            problems.push(`particulars.${key}: ${undocumented.join(', ')} not in the meta of ${code}`);
          }
        }
      }
      for (const key of Object.keys(catalog.particulars)) {
        const code = codeOfKey(key);
        if (!code || !isParticularCode(code))
          problems.push(`particulars.${key}: its code has no particulars`);
      }
      expect(problems).toEqual([]);
    },
  );
});
