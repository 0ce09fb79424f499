import type { BenchRequest, Scenario } from '../lib/types';

/** Writes sent so far by this process: each names the profile anew. */
let written = 0;

/**
 * A write: an integration updating the profile with an API key (an UPDATE and its audit row);
 * issue 17's targets. Every request sets a first name no request set before ("Ada 1", "Ada 2", …):
 * with two names taken in turn, 50 connections would often send the name the row already has,
 * which the server answers without writing.
 */
export default {
  name: 'PATCH /api/users/me (Bearer key)',
  requests: ({ fixtures }) => {
    const body = (firstName: string) =>
      JSON.stringify({ data: { type: 'users', id: fixtures.userId, attributes: { firstName } } });
    return {
      method: 'PATCH',
      path: '/api/users/me',
      headers: {
        authorization: `Bearer ${fixtures.apiKey}`,
        'content-type': 'application/vnd.api+json',
      },
      body: body('Ada'),
      setupRequest: (request: BenchRequest) => ({ ...request, body: body(`Ada ${++written}`) }),
    };
  },
  // Issue 17 sets them for SQLite; PostgreSQL's figure is reported beside it.
  targets: { onlyOn: 'SQLite', minShareOfBare: 0.15, maxCpuMicrosecondsPerRequest: 400 },
} satisfies Scenario;
