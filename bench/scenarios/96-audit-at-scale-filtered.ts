import { keyGet, pageSizes, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';
import first from './94-audit-at-scale-first';

const FILTERS = [
  'filter%5Baction%5D=user.updated',
  'filter%5Baction%5D%5Bcontains%5D=password',
  'filter%5BoccurredAt%5D%5Bgte%5D=2026-06-01T00:00:00Z',
];

/**
 * The Audit Log filtered (an action, a contains on the action, a date range), with
 * `X-Include: totalCount`, over BENCH_AUDIT_EVENTS events. Targets (issue 18): contains p50 ≤ 25 ms,
 * the count adds ≤ 30 ms to the first page's p50 — checked together as first page + 30 ms.
 */
export default {
  name: 'audit log at scale: filtered with totalCount',
  connections: 1,
  async setup() {
    requireScale('audit events');
  },
  requests: (context) =>
    pageSizes().flatMap((size) =>
      FILTERS.map((filter) =>
        keyGet(context, `/api/audit-events?${filter}&page%5Bsize%5D=${size}`, { 'x-include': 'totalCount' }),
      ),
    ),
  background: profileWrites(),
  targets: { maxP50VsScenario: { name: first.name, plusMs: 30 } },
} satisfies Scenario;
