import { keyGet, pageSizes, profileWrites, requireScale } from '../lib/scale';
import type { Scenario } from '../lib/types';

/**
 * The Audit Log's first page over BENCH_AUDIT_EVENTS events, newest first and oldest first.
 * Target (issue 18): p50 ≤ 10 ms.
 */
export default {
  name: 'audit log at scale: first page',
  connections: 1,
  async setup() {
    requireScale('audit events');
  },
  requests: (context) =>
    pageSizes().flatMap((size) =>
      ['-occurredAt,-id', 'occurredAt,id'].map((sort) =>
        keyGet(context, `/api/audit-events?sort=${sort}&page%5Bsize%5D=${size}`),
      ),
    ),
  background: profileWrites(),
  targets: { maxP50Ms: 10 },
} satisfies Scenario;
