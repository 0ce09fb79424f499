import type { Scenario } from '../lib/types';

/** A write: an integration updating the profile with an API key (transaction + audit row); issue 17's targets. */
export default {
  name: 'PATCH /api/users/me (Bearer key)',
  requests: ({ fixtures }) =>
    ['Ada', 'Grace'].map((firstName) => ({
      method: 'PATCH',
      path: '/api/users/me',
      headers: {
        authorization: `Bearer ${fixtures.apiKey}`,
        'content-type': 'application/vnd.api+json',
      },
      body: JSON.stringify({ data: { type: 'users', id: fixtures.userId, attributes: { firstName } } }),
    })),
  // Issue 17 sets them for SQLite; PostgreSQL's figure is reported beside it.
  targets: { onlyOn: 'SQLite', minShareOfBare: 0.15, maxCpuMicrosecondsPerRequest: 400 },
} satisfies Scenario;
