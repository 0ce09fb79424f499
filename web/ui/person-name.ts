import { formatPersonName, type PersonName } from '../../common/person-name';

export type { PersonName };

/**
 * "Dr. Ada Maria Lovelace Jr.": common/person-name.ts in Western order. Kept only for
 * web/app/user-menu.tsx until the menus rewrite; new code calls `formatPersonName` directly.
 */
export function fullName(person: PersonName): string {
  return formatPersonName(person);
}
