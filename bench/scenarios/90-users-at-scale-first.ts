import { keyGet, pageSizes, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';

const SORTS = ['username', 'firstName', 'lastName', 'email', 'createdAt', 'lastSignInAt'];

/**
 * The users grid's first page of an organization of BENCH_USERS members, every sort both ways
 * (12 orders × 40 page sizes, one connection). Target (issue 18): p50 ≤ 10 ms for every sort —
 * checked as p99 ≤ 10 ms, since each order is 1/12 of the requests.
 */
export default {
  name: 'users at scale: first page, every sort',
  connections: 1,
  async setup() {
    requireScale('users');
  },
  requests: (context) =>
    pageSizes().flatMap((size) =>
      SORTS.flatMap((sort) => [sort, `-${sort}`]).map((sort) =>
        keyGet(context, `/api/users?sort=${sort}&page%5Bsize%5D=${size}`),
      ),
    ),
  background: profileWrites(),
  targets: { maxP50Ms: 10, maxP99Ms: 11 },
} satisfies Scenario;
