import type { Scenario } from '../lib/types';

/** The cheapest route of the real app: every platform hook but no database. */
export default {
  name: 'GET /healthz',
  requests: () => ({ method: 'GET', path: '/healthz' }),
} satisfies Scenario;
