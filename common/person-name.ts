/** The name parts of a person (users now; contacts later), as the API and the database hold them. */
export type PersonName = {
  namePrefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  nameSuffix?: string | null;
};

/**
 * The Name format setting (`localization.name_format`): as the locale writes names, or always
 * given name first, or always family name first.
 */
export type NameFormat = 'locale' | 'first_last' | 'last_first';

/** Languages that write the family name first (and without the Western prefix/suffix order). */
const FAMILY_NAME_FIRST = new Set(['ja', 'zh', 'ko', 'hu', 'vi', 'mn']);

/**
 * A person's full name, the one formatter of the server (the `fullName` attribute, audit rows)
 * and the SPA: the parts that are set (blank ones left out), trimmed, joined by spaces — "Dr. Ada
 * Maria Lovelace Jr." — in Western order unless `locale` (a BCP 47 tag; English when absent or
 * malformed) is a language that writes the family name first (Japanese, Chinese, Korean,
 * Hungarian, Vietnamese, Mongolian): "Dr. Lovelace Ada Maria Jr.". A reader's explicit
 * `nameFormat` (their Name format setting) overrides the locale's order.
 */
export function formatPersonName(
  person: PersonName,
  locale = 'en',
  nameFormat: NameFormat = 'locale',
): string {
  const familyFirst = nameFormat === 'locale' ? familyNameFirst(locale) : nameFormat === 'last_first';
  const parts = familyFirst
    ? [person.namePrefix, person.lastName, person.firstName, person.middleName, person.nameSuffix]
    : [person.namePrefix, person.firstName, person.middleName, person.lastName, person.nameSuffix];
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ');
}

/** Family-name-first by locale tag, remembered: `new Intl.Locale` costs more than the rest of a call. */
const familyNameFirstByLocale = new Map<string, boolean>();

function familyNameFirst(locale: string): boolean {
  let answer = familyNameFirstByLocale.get(locale);
  if (answer === undefined) {
    let language = 'en';
    try {
      language = new Intl.Locale(locale).language;
    } catch {
      // A malformed tag: English order.
    }
    answer = FAMILY_NAME_FIRST.has(language);
    // Tags come from settings (a handful) and, at worst, from request input: keep the map small.
    if (familyNameFirstByLocale.size >= 256) familyNameFirstByLocale.clear();
    familyNameFirstByLocale.set(locale, answer);
  }
  return answer;
}
