/**
 * The shape of a translation (web/i18n/de, fr, ar): the English catalog's keys with the words of
 * another language. Plural keys follow that language's categories (Intl.PluralRules: Arabic has
 * `_zero _one _two _few _many _other`), so translations are not typed key by key against English:
 * web/i18n/completeness.test.ts checks every key, placeholder and plural form instead.
 */
export type Translation = { readonly [key: string]: string | Translation };
