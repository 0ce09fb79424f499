import { keyGet, pageSizes, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';
import first from './90-users-at-scale-first';

/**
 * The first page with `X-Include: totalCount` over BENCH_USERS members: unfiltered, by status
 * and by a creation date range. Target (issue 18): the count adds ≤ 30 ms to the first page's p50.
 */
export default {
  name: 'users at scale: first page with totalCount',
  connections: 1,
  async setup() {
    requireScale('users');
  },
  requests: (context) =>
    pageSizes().flatMap((size) =>
      ['', '&filter%5Bstatus%5D=active', '&filter%5BcreatedAt%5D%5Bgte%5D=2026-01-01T00:00:00Z'].map(
        (filter) =>
          keyGet(context, `/api/users?page%5Bsize%5D=${size}${filter}`, { 'x-include': 'totalCount' }),
      ),
    ),
  background: profileWrites(),
  targets: { maxP50VsScenario: { name: first.name, plusMs: 30 } },
} satisfies Scenario;
