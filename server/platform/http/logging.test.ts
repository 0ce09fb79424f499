import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger, loggedUrl, loggerOptions, OneLinePerRequest } from './logging';

/** An app logging as `buildApp` sets it up, into `lines`. */
function appLoggingTo(lines: string[], level = 'info') {
  return Fastify({
    logger: { ...loggerOptions(level), stream: { write: (line: string) => lines.push(line) } },
    logController: new OneLinePerRequest(),
    childLoggerFactory: lazyChildLogger,
  });
}

describe('request logging', () => {
  it('writes one line per request: method, URL without its query, status and time', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.get('/api/things', async () => ({ ok: true }));
    await app.ready();
    await app.inject({ url: '/api/things?token=secret-value', headers: { authorization: 'Bearer atr_x' } });
    await app.inject({ url: '/missing' });
    await app.close();
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.req || entry.res);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/things?…' },
      res: { statusCode: 200 },
    });
    expect(typeof requests[0].responseTime).toBe('number');
    // The request's id, and the process's base fields, as on every other line of the app's logger.
    expect(requests[0].reqId).toBe('req-1');
    expect(requests[1].reqId).toBe('req-2');
    expect(requests[0]).toMatchObject({ pid: process.pid, req: { remoteAddress: '127.0.0.1' } });
    expect(Object.keys(requests[0]).sort()).toEqual(
      ['hostname', 'level', 'msg', 'pid', 'req', 'reqId', 'res', 'responseTime', 'time'].sort(),
    );
    expect(requests[1]).toMatchObject({ req: { url: '/missing' }, res: { statusCode: 404 } });
    expect(lines.join('')).not.toContain('secret-value');
    expect(lines.join('')).not.toContain('atr_x');
    expect(lines.join('')).not.toContain('incoming request');
  });

  it('logs what a request logs itself through its own logger: with its id, and redacted', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.post('/api/things', async (request) => {
      request.log.warn({ body: { password: 'hunter2', note: 'kept' } }, 'something odd');
      request.log.debug('not written at info');
      throw new Error('boom');
    });
    await app.ready();
    const response = await app.inject({ method: 'POST', url: '/api/things', payload: {} });
    await app.close();
    expect(response.statusCode).toBe(500);
    const entries = lines.map((line) => JSON.parse(line));
    const own = entries.find((entry) => entry.msg === 'something odd');
    expect(own).toMatchObject({ reqId: 'req-1', level: 40, body: { password: '[redacted]', note: 'kept' } });
    expect(entries.some((entry) => entry.err?.message === 'boom' && entry.reqId === 'req-1')).toBe(true);
    expect(entries.find((entry) => entry.msg === 'request completed')).toMatchObject({
      reqId: 'req-1',
      res: { statusCode: 500 },
    });
    expect(lines.join('')).not.toContain('hunter2');
    expect(lines.join('')).not.toContain('not written at info');
  });

  it('logs a calendar feed or answer link as its route: the token in its path never reaches the log', async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines, 'debug');
    app.get('/calendar-feeds/:file', async () => 'BEGIN:VCALENDAR');
    app.get('/calendar-answers/:token', async () => ({ ok: true }));
    await app.ready();
    await app.inject({ url: '/calendar-feeds/u7eE3hBcFyXzkRjqS4.ics' });
    await app.inject({ url: '/calendar-answers/QuietLanternToken42?answer=accepted' });
    await app.close();
    const urls = lines.map((line) => JSON.parse(line).req?.url).filter(Boolean);
    expect(new Set(urls)).toEqual(new Set(['/calendar-feeds/:file', '/calendar-answers/:token']));
    expect(lines.join('')).not.toContain('u7eE3hBcFyXzkRjqS4');
    expect(lines.join('')).not.toContain('QuietLanternToken42');
  });

  it('follows the level: two lines a request at debug, none at warn', async () => {
    for (const [level, expected] of [
      ['debug', ['incoming request', 'request completed']],
      ['warn', []],
    ] as const) {
      const lines: string[] = [];
      const app = appLoggingTo(lines, level);
      app.get('/api/things', async () => ({ ok: true }));
      await app.ready();
      await app.inject({ url: '/api/things' });
      await app.close();
      const messages = lines.map((line) => JSON.parse(line)).filter((entry) => entry.reqId);
      expect(messages.map((entry) => entry.msg)).toEqual(expected);
      for (const entry of messages) expect(entry.reqId).toBe('req-1');
    }
  });

  it('drops the query, and logs a path that is a credential as its route', () => {
    expect(loggedUrl('/a?api_key=atr_1&page[size]=2')).toBe('/a?…');
    // A credential sent as a name without a value (found by a tester) is dropped with the rest.
    expect(loggedUrl('/api/users?atr_KeyInQueryNameSecret3')).toBe('/api/users?…');
    expect(loggedUrl('/api/users/abc')).toBe('/api/users/abc');
    // The paths that are credentials are logged as their route.
    expect(loggedUrl('/calendar-feeds/u7eE3hBcFyXz.ics', '/calendar-feeds/:file')).toBe(
      '/calendar-feeds/:file',
    );
    expect(loggedUrl('/calendar-answers/tok?x=1', '/calendar-answers/:token')).toBe(
      '/calendar-answers/:token',
    );
  });
});
