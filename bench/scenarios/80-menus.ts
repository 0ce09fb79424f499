import type { Scenario } from '../lib/types';

/**
 * The SPA reads its menus on every page (issue 15: "reading the settings and menus on a request
 * stays one cached lookup"): GET /api/menus, merged for a signed-in user.
 */
export default {
  name: 'GET /api/menus (session cookie)',
  requests: ({ fixtures }) => ({
    method: 'GET',
    path: '/api/menus',
    headers: { cookie: fixtures.cookie, accept: 'application/vnd.api+json' },
  }),
} satisfies Scenario;
