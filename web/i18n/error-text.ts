import { issueCodeAndMeta, type ValidationIssue } from '../../common/validation-issues';
import type { ApiErrorObject } from '../app/api';
import { ApiError, internalErrorText } from '../app/api';
import type { errors } from './en/errors';
import { errorsWithSpecificDetail } from './error-details';
import { messageArgumentNames } from './icu-format';
import { i18n } from './index';
import { allowedValueLabels, fieldNameOf } from './value-labels';

type ErrorCode = Exclude<keyof typeof errors, 'particulars'>;

/** The code has words in the errors catalog (once it has loaded: web/i18n/lazy/errors.ts). */
function isCatalogued(code: string): code is ErrorCode {
  return code !== 'particulars' && i18n.exists(`errors:${code}`, { lng: 'en' });
}

/** The meta members, in order, whose number a sentence with particulars turns on (its plural). */
const COUNTED = [
  'count',
  'min',
  'minimum',
  'max',
  'maximum',
  'limit',
  'maxDays',
  'maxLevel',
  'maxYears',
] as const;

/**
 * The catalog key of the code's words with particulars (`errors:particulars.<code>`) and the
 * options to fill it, when the error's `meta` holds every placeholder of those words; else undefined.
 * `field` names where the values were refused (value-labels.ts: which list an allowed value is of).
 */
export function particularsOf(
  code: string,
  meta: Record<string, unknown> | undefined,
  field?: string,
): { key: string; options: Record<string, unknown> } | undefined {
  if (!meta) return undefined;
  const counted = COUNTED.map((name) => meta[name]).find((value) => typeof value === 'number');
  const options: Record<string, unknown> = { ...meta, ...(counted === undefined ? {} : { count: counted }) };
  for (const [name, value] of Object.entries(meta)) {
    // An allowed list reads as the language joins one, each value by its label where the
    // catalog has one: "Niedrig, Normal oder Hoch", « lundi, dimanche ou samedi ».
    if (Array.isArray(value)) {
      const context = { field: field ?? fieldNameOf(stringOf(meta.parameter)), settingKey: meta.key };
      options[name] = listFormat().format(allowedValueLabels(value, context));
    }
  }
  // What the bound measures (`origin` of a schema rule: characters, items, a number), the format or
  // why the code was thrown (`reason`, common/error-particulars.ts) picks the sentence; an
  // exclusive bound has its own.
  const kind = [meta.origin, meta.format, meta.reason].find((value) => typeof value === 'string');
  const exclusive = meta.inclusive === false ? '_exclusive' : '';
  const keys = [
    ...(kind ? [`particulars.${code}_${kind}${exclusive}`] : []),
    ...(exclusive ? [] : [`particulars.${code}`]),
  ];
  for (const key of keys) {
    const english: unknown = i18n.getResource('en', 'errors', key);
    if (english === undefined) continue;
    const missing = messageArgumentNames(english).some((name) => options[name] === undefined);
    return missing ? undefined : { key: `errors:${key}`, options };
  }
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A disjunction in the interface language ("a, b oder c", "a أو b أو c"), by CLDR through `Intl`. */
function listFormat(): Intl.ListFormat {
  try {
    return new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'disjunction' });
  } catch {
    return new Intl.ListFormat('en', { type: 'disjunction' });
  }
}

/**
 * The words for one JSON:API error object, in the interface language:
 * - a code whose error carries its particulars in `meta` (a limit, an allowed list, the password
 *   policy's numbers): `errors:particulars.<code>` filled from them;
 * - a code whose server detail names the field's own rule, value or limit
 *   (`errorsWithSpecificDetail`) without such `meta`: that detail in English, more exact than the
 *   catalog; in any other language the catalog's words, never an English sentence;
 * - any other catalogued code: the catalog's `errors:<code>`, placeholders filled from `meta`;
 * - an unknown code (a newer server): the server's `detail`.
 */
export function errorObjectText(
  item: Pick<ApiErrorObject, 'code' | 'detail' | 'meta'> & Partial<Pick<ApiErrorObject, 'source'>>,
): string {
  if (!isCatalogued(item.code)) return item.detail;
  const source: Record<string, string | undefined> = item.source ?? {};
  const where = source.pointer ?? source.parameter;
  const particulars = particularsOf(item.code, item.meta, fieldNameOf(where));
  if (particulars) return i18n.t(particulars.key, { ...particulars.options, defaultValue: item.detail });
  if (errorsWithSpecificDetail.has(item.code) && item.detail && i18n.resolvedLanguage === 'en') {
    return item.detail;
  }
  return i18n.t(`errors:${item.code}`, { ...item.meta, defaultValue: item.detail });
}

/**
 * The words for a problem a form's schema finds before sending (a zod issue, web/ui/form.ts): in
 * English the schema's own sentence, which names the field ("The subject is required."), unless it
 * lists allowed values (zod's `expected one of "low"|"high"`); in any other language, and for those,
 * the catalog's words for the code and particulars the server sends for the same problem
 * (`issueCodeAndMeta`, shared with the server), the values by their labels — never zod's English.
 */
export function issueText(issue: ValidationIssue): string {
  if ((i18n.resolvedLanguage ?? 'en') === 'en' && issue.code !== 'invalid_value') return issue.message;
  const field = issue.path.filter((member) => typeof member === 'string').pop();
  const { code, meta } = issueCodeAndMeta(issue);
  const particulars = particularsOf(code, meta, field);
  if (particulars) return i18n.t(particulars.key, { ...particulars.options, defaultValue: issue.message });
  return errorObjectText({ code, meta, detail: issue.message });
}

/**
 * The words for any failure a mutation or query can throw: the first error of an `ApiError` by its
 * code (errorObjectText), an `Error`'s message otherwise, and a generic sentence for anything else.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.errors[0];
    return first ? errorObjectText(first) : error.message;
  }
  if (error instanceof Error) return error.message;
  return internalErrorText();
}
