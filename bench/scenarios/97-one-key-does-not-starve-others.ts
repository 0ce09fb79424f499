import { costlyLister } from '../lib/costly-lister';
import type { Scenario } from '../lib/types';
import quiet from './97-at-default-budgets-quiet';

/**
 * Starvation (issue 18's "done when"): one API key lists users as expensively as it can at its
 * default budgets — 600 requests a minute, of which 120 may be costly list requests (the rest
 * answer 429 once those are spent: reported, not errors) — while another caller, a signed-in
 * user, reads their profile. Target: the reader's p99 within 3× its p99 without that key, measured
 * in turns with it on the same app (97-at-default-budgets-quiet.ts), which keeps the default
 * budgets; run it at scale (BENCH_USERS) for the figure that matters.
 */
export default {
  name: 'GET /api/userprofile (session) while one key lists users at its default budget',
  budgets: 'default',
  requests: quiet.requests,
  background: costlyLister(true),
  targets: { maxP99VsScenario: { name: quiet.name, ratio: 3 } },
} satisfies Scenario;
