import first from '../scenarios/94-audit-at-scale-first';
import { keyGet, pageSizes, profileWrites, requireScale } from './scale';
import type { Scenario } from './types';

/**
 * A scenario of the Audit Log filtered (`filter` is the query string's filter part), with
 * `X-Include: totalCount`, over BENCH_AUDIT_EVENTS events. Target (issue 18): the count adds
 * ≤ 30 ms to the first page's p50. One scenario per kind of filter, so that each reports its own
 * figure: their costs differ by two orders of magnitude (a count reads every matching index entry).
 */
export function auditFilteredScenario(name: string, filter: string): Scenario {
  return {
    name: `audit log at scale: ${name} with totalCount`,
    connections: 1,
    async setup() {
      requireScale('audit events');
    },
    requests: (context) =>
      pageSizes().map((size) =>
        keyGet(context, `/api/audit-events?${filter}&page%5Bsize%5D=${size}`, { 'x-include': 'totalCount' }),
      ),
    background: profileWrites(),
    targets: { maxP50VsScenario: { name: first.name, plusMs: 30 } },
  };
}
