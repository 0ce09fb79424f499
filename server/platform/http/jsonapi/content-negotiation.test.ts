import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { jsonApiContentNegotiation } from './content-negotiation';

const JSONAPI = 'application/vnd.api+json';
const EXTENSION = 'https://example.com/ext/atomic';

let app: FastifyInstance;

async function buildApp(options: { extensions?: string[] } = {}): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(jsonApiContentNegotiation, options);
  // A stand-in for the app's error handler: enough to see what the plugin threw.
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ kind: error.kind, code: error.code, source: error.source });
    }
    return reply.status((error as { statusCode?: number }).statusCode ?? 500).send({ code: 'other' });
  });
  app.post('/api/things', async (request, reply) => reply.status(201).send({ data: request.body }));
  app.get('/api/things', async () => ({ data: [] }));
  app.get('/api/doc/openapi.json', async () => ({ openapi: '3.0.3' }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  return app;
}

afterEach(async () => {
  await app?.close();
});

const body = JSON.stringify({ data: { type: 'things', attributes: { name: 'x' } } });

describe('jsonApiContentNegotiation: request bodies', () => {
  it('parses application/vnd.api+json and answers with that exact media type', async () => {
    await buildApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': JSONAPI },
      body,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe(JSONAPI);
    expect(response.json()).toEqual({ data: JSON.parse(body) });
  });

  it('rejects prototype and constructor poisoning like the default JSON parser set to error', async () => {
    await buildApp();
    for (const poisoned of ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/things',
        headers: { 'content-type': JSONAPI },
        body: poisoned,
      });
      expect(response.statusCode).toBe(400);
    }
  });

  it('answers 400 to malformed JSON', async () => {
    await buildApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': JSONAPI },
      body: '{"data":',
    });
    expect(response.statusCode).toBe(400);
  });

  it.each([
    `${JSONAPI}; charset=utf-8`,
    `${JSONAPI};version=1`,
    `${JSONAPI}; profile="https://example.com/p"; foo=bar`,
    `${JSONAPI}; ext="https://example.com/unknown"`,
  ])('answers 415 to Content-Type %s', async (contentType) => {
    await buildApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      kind: 'unsupported_media_type',
      code: 'unsupported_media_type',
      source: { header: 'Content-Type' },
    });
    expect(response.headers['content-type']).toBe(JSONAPI);
  });

  it('accepts the profile parameter and supported extensions', async () => {
    await buildApp({ extensions: [EXTENSION] });
    for (const contentType of [
      `${JSONAPI}; profile="https://example.com/a https://example.com/b"`,
      `${JSONAPI}; ext="${EXTENSION}"`,
      'Application/VND.API+JSON',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/things',
        headers: { 'content-type': contentType },
        body,
      });
      expect(response.statusCode, contentType).toBe(201);
    }
  });
});

describe('jsonApiContentNegotiation: Accept', () => {
  it.each([
    undefined,
    JSONAPI,
    '*/*',
    'application/json',
    `${JSONAPI}; charset=utf-8, ${JSONAPI}`,
    `${JSONAPI};q=0.9`,
    `${JSONAPI}; profile="https://example.com/a,b"`,
    'text/html, application/xhtml+xml, */*;q=0.8',
  ])('serves Accept %s', async (accept) => {
    await buildApp();
    const response = await app.inject({
      method: 'GET',
      url: '/api/things',
      headers: accept ? { accept } : {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(JSONAPI);
  });

  it.each([
    `${JSONAPI}; charset=utf-8`,
    `${JSONAPI}; charset=utf-8, ${JSONAPI}; version=2`,
    `${JSONAPI}; ext="https://example.com/unknown"`,
    // Any JSON:API instance makes the client's intent clear: other ranges do not rescue it (§content-negotiation).
    `${JSONAPI}; charset=utf-8, */*`,
  ])('answers 406 to Accept %s', async (accept) => {
    await buildApp();
    const response = await app.inject({ method: 'GET', url: '/api/things', headers: { accept } });
    expect(response.statusCode).toBe(406);
    expect(response.json()).toEqual({
      kind: 'not_acceptable',
      code: 'not_acceptable',
      source: { header: 'Accept' },
    });
  });
});

describe('jsonApiContentNegotiation: scope', () => {
  it('leaves the API sandbox and routes outside /api alone', async () => {
    await buildApp();
    const headers = { accept: `${JSONAPI}; charset=utf-8` };
    const openapi = await app.inject({ method: 'GET', url: '/api/doc/openapi.json', headers });
    expect(openapi.statusCode).toBe(200);
    expect(openapi.headers['content-type']).toBe('application/json; charset=utf-8');
    const health = await app.inject({ method: 'GET', url: '/healthz', headers });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('applies to query strings and unknown /api routes too', async () => {
    await buildApp();
    const response = await app.inject({
      method: 'GET',
      url: '/api/nothing?x=1',
      headers: { accept: `${JSONAPI}; charset=utf-8` },
    });
    expect(response.statusCode).toBe(406);
  });
});
