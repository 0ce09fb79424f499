import { cursorsOfPages, keyGet, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';
import first from './94-audit-at-scale-first';

let paths: string[] = [];

/** Audit Log pages 1,000 to 1,199 (20 a page, by cursor). Target: p50 ≤ 1.2 × the first page's. */
export default {
  name: 'audit log at scale: page 1,000 by cursor',
  connections: 1,
  async setup(context) {
    requireScale('audit events');
    paths = await cursorsOfPages(context, '/api/audit-events?page%5Bsize%5D=20', 1_000, 200);
  },
  requests: (context) =>
    Array.from({ length: 200 }, (_, index) => ({
      ...keyGet(context, ''),
      get path() {
        return paths[index] ?? '/api/audit-events';
      },
    })),
  background: profileWrites(),
  targets: { maxP50VsScenario: { name: first.name, ratio: 1.2 } },
} satisfies Scenario;
