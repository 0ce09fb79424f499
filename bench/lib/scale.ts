import type { BenchRequest, ScenarioContext } from './types';

/**
 * Helpers of the lists-at-scale scenarios (`9x-*.ts`, issue 18), run with
 * `BENCH_USERS=100000 BENCH_AUDIT_EVENTS=1000000 npm run bench -- --only "at scale"`.
 *
 * They measure what one request costs, not throughput: one connection, and many distinct
 * requests in turn (sorts × page sizes …), while a background writer changes the profile ten
 * times a second. On SQLite a list page is kept until the database changes; the writes and the
 * variety keep every measured request a real query, as on a busy organization.
 */
export const SCALE_USERS = Number(process.env.BENCH_USERS ?? '0');
export const SCALE_AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? '0');

/** Throws (the runner then skips the scenario, saying why) when the data was not seeded. */
export function requireScale(what: 'users' | 'audit events'): void {
  const seeded = what === 'users' ? SCALE_USERS : SCALE_AUDIT_EVENTS;
  if (seeded < 10_000) {
    throw new Error(
      'needs the data at scale: BENCH_USERS=100000 BENCH_AUDIT_EVENTS=1000000 npm run bench -- --only "at scale"',
    );
  }
}

/** A GET of the API with the fixtures' key. */
export function keyGet(
  { fixtures }: ScenarioContext,
  path: string,
  headers: Record<string, string> = {},
): BenchRequest {
  return {
    method: 'GET',
    path,
    headers: { authorization: `Bearer ${fixtures.apiKey}`, accept: 'application/vnd.api+json', ...headers },
  };
}

/** Page sizes 20 … 20 + count − 1: the same page, as many distinct requests. */
export function pageSizes(count = 40): number[] {
  return Array.from({ length: count }, (_, index) => 20 + index);
}

/** The background of every scale scenario: a profile write ten times a second. */
export function profileWrites() {
  return {
    connections: 1,
    rate: 10,
    requests: ({ fixtures }: ScenarioContext): BenchRequest[] =>
      ['Ada', 'Grace'].map((firstName) => ({
        method: 'PATCH',
        path: '/api/users/me',
        headers: { authorization: `Bearer ${fixtures.apiKey}`, 'content-type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'users', id: fixtures.userId, attributes: { firstName } } }),
      })),
  };
}

/** Follows `links.next` from `path` and answers the `next` links of pages `from` … `from + count − 1`. */
export async function cursorsOfPages(
  context: ScenarioContext,
  path: string,
  from: number,
  count: number,
): Promise<string[]> {
  const cursors: string[] = [];
  let next: string | undefined = path;
  for (let page = 1; next && page < from + count; page++) {
    const request = keyGet(context, next);
    const response: Response = await fetch(`${context.baseUrl}${next}`, {
      headers: request.headers as Record<string, string>,
    });
    if (!response.ok) throw new Error(`page ${page} of ${path} answered ${response.status}`);
    next = ((await response.json()) as { links?: { next?: string } }).links?.next;
    if (next && page + 1 >= from) cursors.push(next);
  }
  if (cursors.length < count) throw new Error(`${path} has fewer than ${from + count} pages`);
  return cursors;
}
