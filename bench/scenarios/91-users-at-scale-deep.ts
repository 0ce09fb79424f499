import { cursorsOfPages, keyGet, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';
import first from './90-users-at-scale-first';

let paths: string[] = [];

/**
 * Pages 1,000 to 1,199 of the users grid (20 a page, by cursor: `links.next`), in the default
 * order and by last name. Target (issue 18): p50 ≤ 1.2 × the first page's.
 */
export default {
  name: 'users at scale: page 1,000 by cursor',
  connections: 1,
  async setup(context) {
    requireScale('users');
    paths = [
      ...(await cursorsOfPages(context, '/api/users?page%5Bsize%5D=20', 1_000, 100)),
      ...(await cursorsOfPages(context, '/api/users?sort=lastName&page%5Bsize%5D=20', 1_000, 100)),
    ];
  },
  // Built before setup runs: the paths are read when sent.
  requests: (context) =>
    Array.from({ length: 200 }, (_, index) => ({
      ...keyGet(context, ''),
      get path() {
        return paths[index] ?? '/api/users';
      },
    })),
  background: profileWrites(),
  targets: { maxP50VsScenario: { name: first.name, ratio: 1.2 } },
} satisfies Scenario;
