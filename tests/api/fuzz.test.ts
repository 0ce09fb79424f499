import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, type TestApp } from '../helpers/app';
import { buildAdmin } from '../helpers/factories';
import { expectApiAnswer } from '../helpers/jsonapi-answers';
import { giveApiKey } from '../helpers/scenarios';

/**
 * A schema-driven fuzz of every operation of the API's own OpenAPI document (issue 12, "Done
 * when"): for each operation, malformed bodies, and odd text — NUL, lone surrogates, bidi controls,
 * combining marks, very long strings … — in every string member of a body built from the
 * operation's schema, in every path parameter and in every query parameter (filters included),
 * sent by an administrator with an API key. No answer may be a 5xx, and every answer is a JSON:API
 * document with the API's headers (errors: a non-empty `errors` array, each with status and code).
 * The document is read at test time, so the fuzz follows it as it grows. Deterministic: the cases
 * of each operation are drawn by a seeded generator, at most CASES_PER_OPERATION of them.
 */

const SEED = 0x5eed_a721;
const CASES_PER_OPERATION = 50;

/** Text that is not acceptable (NUL, lone surrogates) and text that is odd but valid. */
const ODD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202Eevil\u202C',
  '\u2066\u2067\u2068\u2069\u200E\u200F',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '\uFFFF\uFFFE',
  '😀'.repeat(40),
  'x'.repeat(10_000),
  '',
  ' ',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '-1',
  '1e309',
  'null',
];

/** Bodies that are not a JSON:API document of the operation, or not JSON at all. */
const MALFORMED_BODIES: { contentType: string; payload: string | Buffer }[] = [
  { contentType: JSONAPI, payload: '' },
  { contentType: JSONAPI, payload: '{' },
  { contentType: JSONAPI, payload: 'null' },
  { contentType: JSONAPI, payload: '[]' },
  { contentType: JSONAPI, payload: '"data"' },
  { contentType: JSONAPI, payload: '{"data":null}' },
  { contentType: JSONAPI, payload: '{"data":[]}' },
  { contentType: JSONAPI, payload: '{"data":{"type":null,"attributes":[]}}' },
  { contentType: JSONAPI, payload: '{"__proto__":{"isAdmin":true}}' },
  { contentType: JSONAPI, payload: '{"constructor":{"prototype":{"x":1}}}' },
  { contentType: JSONAPI, payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { contentType: JSONAPI, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
  { contentType: JSONAPI, payload: '{"data":{"type":"x","attributes":{"\\u0000":1}}}' },
  { contentType: 'application/json', payload: '{"data":{"type":"\\ud800"}}' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=b' },
  { contentType: 'multipart/form-data', payload: 'x' },
  {
    contentType: 'multipart/form-data; boundary=zz',
    payload: '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
  },
  { contentType: `${JSONAPI}; ext="urn:nope"`, payload: '{}' },
];

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

type Parameter = { name: string; in: string; schema?: JsonSchema };

type Operation = {
  method: string;
  path: string;
  pathParameters: string[];
  queryParameters: string[];
  body?: JsonSchema;
};

type Case = {
  label: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
};

/** mulberry32: a small seeded generator, so every run sends the same cases. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value that fits the schema (first choices everywhere): the base a string member is fuzzed in. */
function sampleOf(schema: JsonSchema | undefined, root: Record<string, unknown>, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.$ref) return sampleOf(resolveRef(schema.$ref, root), root, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) {
    const nonNull = choices.find((choice) => choice.type !== 'null') ?? choices[0];
    return sampleOf(nonNull, root, depth + 1);
  }
  if (schema.allOf?.length) return sampleOf(schema.allOf[0], root, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(schema.properties ?? {})) {
        value[name] = sampleOf(member, root, depth + 1);
      }
      return value;
    }
    case 'array':
      return [sampleOf(schema.items, root, depth + 1)];
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return schema.properties ? sampleOf({ ...schema, type: 'object' }, root, depth) : 'text';
  }
}

function resolveRef(ref: string, root: Record<string, unknown>): JsonSchema | undefined {
  let node: unknown = root;
  for (const segment of ref.replace(/^#\//, '').split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[
      segment.replaceAll('~1', '/').replaceAll('~0', '~')
    ];
  }
  return node as JsonSchema | undefined;
}

/** The paths (as key lists) of every string in `value`: the members the fuzz replaces. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, member]) => stringPaths(member, [...path, key]));
  }
  return [];
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}

function operationsOf(document: Record<string, unknown>): Operation[] {
  const operations: Operation[] = [];
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = [
        ...((item.parameters as unknown as Parameter[]) ?? []),
        ...((operation.parameters as Parameter[]) ?? []),
      ];
      const content = (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      const body = content ? Object.values(content)[0]?.schema : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string),
        queryParameters: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        ...(body ? { body } : {}),
      });
    }
  }
  return operations;
}

/** Every case of one operation, before sampling. */
function casesOf(operation: Operation, document: Record<string, unknown>): Case[] {
  const urlWith = (values: Record<string, string>, query = '') =>
    operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name] ?? 'me') +
    (query ? `?${query}` : '');
  const validParams = Object.fromEntries(operation.pathParameters.map((name) => [name, 'me']));
  const url = urlWith(validParams);
  const cases: Case[] = [];
  const json = (value: unknown) => JSON.stringify(value);

  for (const name of operation.pathParameters) {
    for (const text of ODD_TEXT) {
      if (text === '') continue;
      cases.push({
        label: `path ${name}=${json(text).slice(0, 20)}`,
        url: urlWith({ ...validParams, [name]: percentEncode(text) }),
      });
    }
  }
  const queryNames = [
    ...operation.queryParameters,
    'filter[name]',
    'filter[name][contains]',
    'sort',
    'page[size]',
    'x',
  ];
  for (const name of queryNames) {
    for (const text of ODD_TEXT) {
      cases.push({
        label: `query ${name}=${json(text).slice(0, 20)}`,
        url: `${url}?${encodeURIComponent(name)}=${percentEncode(text)}`,
      });
    }
  }
  if (operation.method !== 'GET' && operation.method !== 'DELETE') {
    for (const { contentType, payload } of MALFORMED_BODIES) {
      cases.push({ label: `body ${contentType} ${String(payload).slice(0, 20)}`, url, contentType, payload });
    }
    const base = sampleOf(operation.body, document) ?? { data: { type: 'x', attributes: {} } };
    cases.push({ label: 'body sample', url, contentType: JSONAPI, payload: json(base) });
    for (const path of stringPaths(base)) {
      for (const text of ODD_TEXT) {
        // JSON.stringify writes a lone surrogate as a \ud800 escape, as a client would send it.
        cases.push({
          label: `body /${path.join('/')}=${json(text).slice(0, 20)}`,
          url,
          contentType: JSONAPI,
          payload: json(withValueAt(base, path, text)),
        });
      }
    }
  }
  return cases;
}

/** encodeURIComponent, but a lone surrogate becomes the %-escapes of its three WTF-8 bytes. */
function percentEncode(text: string): string {
  let encoded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(char);
    }
  }
  return encoded;
}

function sample<T>(items: T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

function expectJsonApiAnswer(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  if (response.statusCode === 204 || response.statusCode === 304) return;
  if (response.statusCode < 400 && String(response.headers['content-type']).startsWith('image/')) return;
  expectApiAnswer(response, label);
  const document = response.json();
  if (response.statusCode >= 400) {
    expect(Array.isArray(document.errors) && document.errors.length > 0, label).toBe(true);
    for (const error of document.errors) {
      expect(typeof error.status, label).toBe('string');
      expect(typeof error.code, label).toBe('string');
    }
    expect(
      document.errors.map((error: { status: string }) => error.status),
      label,
    ).toContain(String(response.statusCode));
  } else {
    expect('data' in document || 'meta' in document, label).toBe(true);
  }
}

describe('fuzz: every operation of the OpenAPI document', () => {
  let t: TestApp;
  let apiKey: string;

  /** A new administrator with a key: the fuzz may reset, disable or sign out the one before. */
  async function freshAdministrator(): Promise<void> {
    const admin = await buildAdmin(t);
    apiKey = await giveApiKey(t, admin);
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '1000000', API_KEY_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
    await freshAdministrator();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers malformed bodies and odd text everywhere with no 5xx, always as JSON:API', {
    timeout: 180_000,
  }, async () => {
    const document = (await t.app.inject({ url: '/api/doc/openapi.json' })).json();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(40);
    const random = seededRandom(SEED);
    let sent = 0;
    for (const operation of operations) {
      const cases = casesOf(operation, document);
      for (const fuzzCase of sample(cases, CASES_PER_OPERATION, random)) {
        const label = `${operation.method} ${operation.path} ${fuzzCase.label}`;
        const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
        if (fuzzCase.contentType) headers['content-type'] = fuzzCase.contentType;
        const response = await t.app.inject({
          method: operation.method as 'GET',
          url: fuzzCase.url,
          headers,
          ...(fuzzCase.payload === undefined ? {} : { payload: fuzzCase.payload }),
        });
        sent++;
        expectJsonApiAnswer(response, label);
        const code = response.statusCode >= 400 ? response.json().errors[0].code : '';
        if (response.statusCode === 401 || code === 'password_change_required') await freshAdministrator();
      }
    }
    expect(sent).toBeGreaterThan(1000);
  });
});
