/** The name parts of a person (users now; contacts later), as the API and the database hold them. */
export type PersonName = {
  namePrefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  nameSuffix?: string | null;
};

/** Languages that write the family name first (and without the Western prefix/suffix order). */
const FAMILY_NAME_FIRST = new Set(['ja', 'zh', 'ko', 'hu', 'vi', 'mn']);

/**
 * A person's full name, the one formatter of the server (the `fullName` attribute, audit rows)
 * and the SPA: the parts that are set (blank ones left out), trimmed, joined by spaces — "Dr. Ada
 * Maria Lovelace Jr." — in Western order unless `locale` (a BCP 47 tag; English when absent or
 * malformed) is a language that writes the family name first (Japanese, Chinese, Korean,
 * Hungarian, Vietnamese, Mongolian): "Dr. Lovelace Ada Maria Jr.".
 */
export function formatPersonName(person: PersonName, locale = 'en'): string {
  let language = 'en';
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    // A malformed tag: English order.
  }
  const parts = FAMILY_NAME_FIRST.has(language)
    ? [person.namePrefix, person.lastName, person.firstName, person.middleName, person.nameSuffix]
    : [person.namePrefix, person.firstName, person.middleName, person.lastName, person.nameSuffix];
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ');
}
