import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, OneLinePerRequest, redactQuery } from './logging';

describe('request logging', () => {
  it('writes one line per request: method, URL without query values, status and time', async () => {
    const lines: string[] = [];
    const app = Fastify({
      logger: { ...loggerOptions('info'), stream: { write: (line: string) => lines.push(line) } },
      logController: new OneLinePerRequest(),
    });
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
      req: { method: 'GET', url: '/api/things?token=…' },
      res: { statusCode: 200 },
    });
    expect(typeof requests[0].responseTime).toBe('number');
    expect(requests[1]).toMatchObject({ req: { url: '/missing' }, res: { statusCode: 404 } });
    expect(lines.join('')).not.toContain('secret-value');
    expect(lines.join('')).not.toContain('atr_x');
    expect(lines.join('')).not.toContain('incoming request');
  });

  it('keeps query names and drops their values', () => {
    expect(redactQuery('/a?api_key=atr_1&page[size]=2')).toBe('/a?api_key=…&page[size]=…');
  });
});
