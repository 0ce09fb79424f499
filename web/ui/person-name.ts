export type PersonName = {
  namePrefix?: string | null;
  firstName: string;
  middleName?: string | null;
  lastName: string;
  nameSuffix?: string | null;
};

/** "Dr. Ada Maria Lovelace Jr.": prefix, first, middle, last name and suffix, the parts that are set. */
export function fullName(person: PersonName): string {
  return [person.namePrefix, person.firstName, person.middleName, person.lastName, person.nameSuffix]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}
