import { keyGet } from './scale';
import type { Scenario } from './types';

/**
 * Users listed as expensively as one API key can (issue 18): one- and two-character substrings
 * (too short for a trigram index), a numbered page 400 deep, and 100 rows sorted by last
 * sign-in, each with totalCount. Sent ten times a second, the key's default request budget (600
 * a minute); three in four are costly list requests.
 */
export const COSTLY_USER_LISTS = [
  '/api/users?filter%5Bname%5D%5Bcontains%5D=an&page%5Bsize%5D=100',
  '/api/users?filter%5Bemail%5D%5Bcontains%5D=e&page%5Bsize%5D=100',
  '/api/users?page%5Bnumber%5D=400&page%5Bsize%5D=100',
  '/api/users?sort=-lastSignInAt&page%5Bsize%5D=100',
];

/** The background of the starvation scenarios: the key above at ten requests a second. */
export function costlyLister(refusalsExpected: boolean): NonNullable<Scenario['background']> {
  return {
    connections: 2,
    rate: 10,
    requests: (context) =>
      COSTLY_USER_LISTS.map((path) => keyGet(context, path, { 'x-include': 'totalCount' })),
    ...(refusalsExpected ? { refusalsExpected } : {}),
  };
}
