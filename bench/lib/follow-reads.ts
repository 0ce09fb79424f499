import type { EventEmitter } from 'node:events';
import http from 'node:http';
import type { BenchRequest } from './types';

/**
 * What `followReads` sent: requests answered, those of them not 2xx, and those that failed
 * (refused or reset connection, aborted answer, no answer within REQUEST_TIMEOUT_MS).
 */
export type FollowedLoad = { total: number; non2xx: number; errors: number };

/** A request unanswered this long fails (autocannon's default timeout). */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends `requests` (in turn, each through its `setupRequest`) to `baseUrl` so that they are
 * `share` of all requests (0.1 = 10 %): one for each (1 − share) / share responses the `reads`
 * load generator (an autocannon instance, which emits `response` for each) receives — one for
 * each nine reads at 10 % — on at most `connections` keep-alive connections of their own. They
 * arrive as a load would, whatever the server does with them: a request owed while every
 * connection is busy goes out when one frees. Resolves, once `reads` is done and the requests in
 * flight have ended, with what was sent; what is still owed then (less than one request when the
 * sending kept up) is not sent, and the share reached says so.
 * @throws Error when `requests` is empty, `share` is not between 0 and 1, or `connections` < 1.
 */
export function followReads(
  reads: EventEmitter & PromiseLike<unknown>,
  baseUrl: string,
  requests: readonly BenchRequest[],
  options: { share: number; connections: number },
): Promise<FollowedLoad> {
  const { share, connections } = options;
  if (requests.length === 0) throw new Error('followReads: no requests to send');
  if (!(share > 0 && share < 1)) throw new Error(`followReads: a share of ${share} is not between 0 and 1`);
  if (!(connections >= 1)) throw new Error(`followReads: ${connections} connections`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const perRead = share / (1 - share);
  const sent: FollowedLoad = { total: 0, non2xx: 0, errors: 0 };
  let owed = 0;
  let inFlight = 0;
  let next = 0;
  let readsDone = false;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const send = (listed: BenchRequest) => {
    const request = listed.setupRequest?.(listed) ?? listed;
    inFlight++;
    // A reset connection fails both the request and its response: the request ends once.
    let ended = false;
    const end = (status: number | undefined) => {
      if (ended) return;
      ended = true;
      inFlight--;
      if (status === undefined) sent.errors++;
      else {
        sent.total++;
        if (status < 200 || status > 299) sent.non2xx++;
      }
      drain();
    };
    const outgoing = http.request(
      `${baseUrl}${request.path}`,
      { method: request.method, headers: request.headers, agent },
      (response) => {
        response.on('end', () => end(response.statusCode));
        response.on('error', () => end(undefined));
        response.resume();
      },
    );
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error('no answer in time')));
    outgoing.on('error', () => end(undefined));
    outgoing.end(request.body);
  };
  const drain = () => {
    while (!readsDone && owed >= 1 && inFlight < connections) {
      owed--;
      send(requests[next++ % requests.length] as BenchRequest);
    }
    if (readsDone && inFlight === 0) settle();
  };

  reads.on('response', () => {
    owed += perRead;
    drain();
  });
  const done = () => {
    readsDone = true;
    drain();
  };
  reads.then(done, done);
  return settled.then(() => {
    agent.destroy();
    return sent;
  });
}
