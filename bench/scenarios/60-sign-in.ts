import type { Scenario } from '../lib/types';

/**
 * Sign-in throughput: argon2id by design, with at most HASH_CONCURRENCY hashes at once — the
 * number to watch is that it stays flat and error-free, not how high it is.
 */
export default {
  name: 'POST /api/sessions (sign-in)',
  requests: ({ fixtures }) => ({
    method: 'POST',
    path: '/api/sessions',
    headers: { 'content-type': 'application/vnd.api+json' },
    body: JSON.stringify({
      data: { type: 'sessions', attributes: { login: fixtures.username, password: fixtures.password } },
    }),
  }),
  connections: 10,
} satisfies Scenario;
