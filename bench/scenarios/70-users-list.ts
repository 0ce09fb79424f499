import type { Scenario } from '../lib/types';

/**
 * The users grid's request at small scale (issue 18): the first 20 members in the default order,
 * with an API key. Target: at least 15% of bare Fastify in the same run.
 */
export default {
  name: 'GET /api/users?page[size]=20 (Bearer key)',
  requests: ({ fixtures }) => ({
    method: 'GET',
    path: '/api/users?page%5Bsize%5D=20',
    headers: { authorization: `Bearer ${fixtures.apiKey}`, accept: 'application/vnd.api+json' },
  }),
  targets: { minShareOfBare: 0.15 },
} satisfies Scenario;
