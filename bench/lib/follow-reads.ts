import type { EventEmitter } from 'node:events';
import http from 'node:http';
import type { BenchRequest } from './types';

/** What `followReads` sent: requests answered, those not 2xx, and those that failed to connect. */
export type FollowedLoad = { total: number; non2xx: number; errors: number };

/**
 * Sends `requests` (in turn, each through its `setupRequest`) to `baseUrl` so that they are
 * `share` of all requests (0.1 = 10 %): one for each (1 − share) / share responses the `reads`
 * load generator (an autocannon instance, which emits `response` for each) receives — one for
 * each nine reads at 10 % — on at most `connections` keep-alive connections of their own. They
 * arrive as a load would, whatever the server does with them: a request owed while every
 * connection is busy goes out when one frees. Resolves, once `reads` is done and the requests in
 * flight are answered, with what was sent; those still owed then are not sent (the share reached
 * says so).
 */
export function followReads(
  reads: EventEmitter & PromiseLike<unknown>,
  baseUrl: string,
  requests: readonly BenchRequest[],
  options: { share: number; connections: number },
): Promise<FollowedLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const perRead = options.share / (1 - options.share);
  const sent: FollowedLoad = { total: 0, non2xx: 0, errors: 0 };
  let owed = 0;
  let inFlight = 0;
  let next = 0;
  let readsDone = false;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const send = () => {
    const listed = requests[next++ % requests.length] as BenchRequest;
    const request = listed.setupRequest?.(listed) ?? listed;
    inFlight++;
    const finish = (status: number | undefined) => {
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
        response.resume();
        response.on('end', () => finish(response.statusCode));
        response.on('error', () => finish(undefined));
      },
    );
    outgoing.on('error', () => finish(undefined));
    outgoing.end(request.body);
  };
  const drain = () => {
    while (!readsDone && owed >= 1 && inFlight < options.connections) {
      owed--;
      send();
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
