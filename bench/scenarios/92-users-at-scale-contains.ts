import { keyGet, pageSizes, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';

/** Substrings people type into the grid's filter: common, rare, name parts and domains. */
const TERMS = [
  'ann',
  'mar',
  'son',
  'schm',
  'müll',
  'lewand',
  'dupont',
  'garcía',
  'ber',
  'xyzq',
  'example',
  '.org',
];

/**
 * `filter[name][contains]` and `filter[email][contains]` over BENCH_USERS members (trigram index),
 * 12 terms × 2 fields × 20 page sizes. Target (issue 18): p50 ≤ 25 ms.
 */
export default {
  name: 'users at scale: contains filter',
  connections: 1,
  async setup() {
    requireScale('users');
  },
  requests: (context) =>
    pageSizes(20).flatMap((size) =>
      TERMS.flatMap((term) =>
        ['name', 'email'].map((field) =>
          keyGet(
            context,
            `/api/users?filter%5B${field}%5D%5Bcontains%5D=${encodeURIComponent(term)}&page%5Bsize%5D=${size}`,
          ),
        ),
      ),
    ),
  background: profileWrites(),
  targets: { maxP50Ms: 25 },
} satisfies Scenario;
