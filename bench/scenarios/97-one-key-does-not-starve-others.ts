import { keyGet } from '../lib/scale';
import type { Scenario } from '../lib/types';
import quiet from './20-userprofile-session';

const COSTLY = [
  '/api/users?filter%5Bname%5D%5Bcontains%5D=an&page%5Bsize%5D=100',
  '/api/users?filter%5Bemail%5D%5Bcontains%5D=e&page%5Bsize%5D=100',
  '/api/users?page%5Bnumber%5D=400&page%5Bsize%5D=100',
  '/api/users?sort=-lastSignInAt&page%5Bsize%5D=100',
];

/**
 * Starvation (issue 18): one API key lists users as expensively as it can within its default
 * request budget (600 a minute: 10 a second — short contains filters, a deep numbered page,
 * 100 rows, with totalCount) while another caller, a signed-in user, reads their profile. Target:
 * the reader's p99 within 3× its p99 without that key (the session profile read scenario). Run
 * it at scale (BENCH_USERS) for the figure that matters; the bench raises the costly-request
 * budget, so this is the worst case without it.
 */
export default {
  name: 'GET /api/userprofile (session) while one key lists users at its budget',
  requests: quiet.requests,
  background: {
    connections: 2,
    rate: 10,
    requests: (context) => COSTLY.map((path) => keyGet(context, path, { 'x-include': 'totalCount' })),
  },
  targets: { maxP99VsScenario: { name: quiet.name, ratio: 3 } },
} satisfies Scenario;
