import type { BenchRequest, Scenario } from '../lib/types';

/** Writes sent so far by this process: each names the profile anew. */
let written = 0;

/**
 * A change of `userId`'s own profile with their API key: a first name no request set before
 * ("Ada 1", "Ada 2", …). With two names taken in turn, 50 connections would often send the name
 * the row already has, which the server answers without writing.
 */
export function profileWrite(userId: string, apiKey: string): BenchRequest {
  const body = (firstName: string) =>
    JSON.stringify({ data: { type: 'users', id: userId, attributes: { firstName } } });
  return {
    method: 'PATCH',
    path: '/api/users/me',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/vnd.api+json' },
    body: body('Ada'),
    setupRequest: (request: BenchRequest) => ({ ...request, body: body(`Ada ${++written}`) }),
  };
}

/**
 * A write: an integration updating the profile with an API key (an UPDATE and its audit row), every
 * request a real change (`profileWrite`); issue 17's targets.
 */
export default {
  name: 'PATCH /api/users/me (Bearer key)',
  requests: ({ fixtures }) => profileWrite(fixtures.userId, fixtures.apiKey),
  // Issue 17 sets them for SQLite; PostgreSQL's figure is reported beside it.
  targets: { onlyOn: 'SQLite', minShareOfBare: 0.15, maxCpuMicrosecondsPerRequest: 400 },
} satisfies Scenario;
