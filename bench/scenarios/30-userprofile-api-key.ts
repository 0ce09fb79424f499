import type { Scenario } from '../lib/types';

/** An integration reading the profile with an API key (issue 7's targets). */
export default {
  name: 'GET /api/userprofile (Bearer key)',
  requests: ({ fixtures }) => ({
    method: 'GET',
    path: '/api/userprofile',
    headers: { authorization: `Bearer ${fixtures.apiKey}`, accept: 'application/vnd.api+json' },
  }),
  targets: { minShareOfBare: 0.35, maxP99Ms: 15, maxRssMb: 200 },
} satisfies Scenario;
