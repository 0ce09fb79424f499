import type { Scenario } from '../lib/types';

/** The SPA's first call on every page: the signed-in user, with a session cookie. */
export default {
  name: 'GET /api/userprofile (session cookie)',
  requests: ({ fixtures }) => ({
    method: 'GET',
    path: '/api/userprofile',
    headers: { cookie: fixtures.cookie, accept: 'application/vnd.api+json' },
  }),
} satisfies Scenario;
