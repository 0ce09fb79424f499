import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, type TestApp } from '../helpers/app';
import { createContractChecker } from '../helpers/openapi-contract';

type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  $ref?: string;
};
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }
  >;
};
type Document = {
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** The OpenAPI document (/api/doc/openapi.json): generated from the routes' zod schemas. */
/** The operations that answer bytes rather than a JSON:API document. */
const binaryAnswers: Record<string, string[]> = {
  'get /api/users/{id}/avatar': ['image/webp'],
  'get /api/files/{id}/content': ['application/octet-stream'],
  'get /api/calendarevents/{id}/ical': ['text/calendar'],
};

/** The operations that take a multipart upload (field `file`). */
const multipartUploads = new Set(['put /api/users/{id}/avatar', 'post /api/files']);

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  let operations: { method: string; path: string; operation: Operation }[];
  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/doc/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes every API route, each with a unique operationId, summary, description and a defined tag', () => {
    const routes = t.app.apiRoutes.map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      [...new Set(routes)].sort(),
    );
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const { method, path, operation } of operations) {
      expect(operation.summary, `${method} ${path}`).toBeTruthy();
      expect(operation.description, `${method} ${path}`).toBeTruthy();
      expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const tag of operation.tags ?? []) expect(tags.has(tag), tag).toBe(true);
    }
  });

  it('declares a success and the JSON:API error responses of every operation, with rate-limit headers', () => {
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        where,
      ).toBe(true);
      for (const status of ['400', '401', '403', '404', '405', '409', '415', '422', '429', '500']) {
        expect(operation.responses[status]?.content?.[JSONAPI]?.schema, `${where} ${status}`).toEqual({
          $ref: '#/components/schemas/ErrorDocument',
        });
      }
      expect(operation.responses['429']?.headers).toHaveProperty('Retry-After');
      expect(operation.responses['405']?.headers).toHaveProperty('Allow');
      for (const status of statuses.filter((s) => /^[24]/.test(s))) {
        expect(operation.responses[status]?.headers, `${where} ${status}`).toHaveProperty(
          'X-RateLimit-Limit',
        );
      }
      if (operation.requestBody) expect(operation.responses, where).toHaveProperty('413');
      if (operation.responses['204']) expect(operation.responses['204'].content, where).toBeUndefined();
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('2') || !response.content) continue;
        const types = Object.keys(response.content);
        expect(types, `${where} ${status}`).toEqual(binaryAnswers[`${method} ${path}`] ?? [JSONAPI]);
      }
    }
  });

  it('marks public operations as open to anonymous callers and all others as needing a key or session', () => {
    const publicRoutes = new Set(
      t.app.apiRoutes
        .filter((route) => route.access === 'public')
        .map((route) => `${route.method.toLowerCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(publicRoutes.size).toBeGreaterThan(0);
    for (const { method, path, operation } of operations) {
      if (publicRoutes.has(`${method} ${path}`)) {
        expect(operation.security, `${method} ${path}`).toContainEqual({});
      } else {
        // The document's default: an API key or a session.
        expect(operation.security, `${method} ${path}`).toBeUndefined();
      }
    }
    expect((document as unknown as { security: unknown }).security).toEqual([
      { apiKey: [] },
      { session: [] },
    ]);
  });

  it('declares request bodies as application/vnd.api+json, the uploads as multipart, and the headers', () => {
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      if (operation.requestBody) {
        const types = Object.keys(operation.requestBody.content);
        expect(types, where).toEqual(
          multipartUploads.has(`${method} ${path}`) ? ['multipart/form-data'] : [JSONAPI],
        );
      }
      const headers = (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      const isPublic = operation.security?.some((requirement) => Object.keys(requirement).length === 0);
      expect(headers.includes('X-CSRF-Token'), where).toBe(UNSAFE.has(method) && !isPublic);
    }
    for (const upload of [
      document.paths['/api/users/{id}/avatar']?.put?.requestBody?.content['multipart/form-data'],
      document.paths['/api/files']?.post?.requestBody?.content['multipart/form-data'],
    ]) {
      expect(upload?.schema).toMatchObject({
        required: ['file'],
        properties: { file: { format: 'binary' } },
      });
    }
    const patchUser = document.paths['/api/users/{id}']?.patch;
    expect(patchUser?.parameters?.map((p) => p.name)).toContain('if-match');
    expect(patchUser?.responses).toHaveProperty('412');
  });

  it('has no resource with an attribute or relationship named type or id (JSON:API 1.1 §5.2.2)', () => {
    const resources: { name: string; schema: Schema }[] = [];
    const visit = (schema: unknown, name: string) => {
      if (Array.isArray(schema)) {
        schema.forEach((item, i) => {
          visit(item, `${name}[${i}]`);
        });
        return;
      }
      if (schema === null || typeof schema !== 'object') return;
      const object = schema as Schema;
      const properties = object.properties;
      if (properties?.type && properties.id && (properties.attributes || properties.relationships)) {
        resources.push({ name, schema: object });
      }
      for (const [key, value] of Object.entries(object)) visit(value, `${name}.${key}`);
    };
    visit(document.components.schemas, 'components');
    visit(document.paths, 'paths');
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? document.components.schemas[schema.$ref.split('/').at(-1) as string] : schema;
    expect(resources.length).toBeGreaterThanOrEqual(10);
    for (const { name, schema } of resources) {
      for (const member of ['attributes', 'relationships']) {
        const names = Object.keys(resolve(schema.properties?.[member])?.properties ?? {});
        expect(names, `${name}.${member}`).not.toContain('type');
        expect(names, `${name}.${member}`).not.toContain('id');
      }
    }
    expect(document.components.schemas.CustomField?.properties?.attributes?.properties).toHaveProperty(
      'fieldType',
    );
  });

  it('is a contract the test suite holds every answer to: an undeclared status or a body that does not match fails', () => {
    const checker = createContractChecker(document as never);
    const answer = (statusCode: number, body: unknown, contentType = JSONAPI) =>
      ({
        statusCode,
        headers: { 'content-type': contentType },
        body: body === undefined ? '' : JSON.stringify(body),
        rawPayload: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
      }) as unknown as LightMyRequestResponse;
    const list = { method: 'GET', url: '/api/custom-fields?x=1' };
    const field = {
      type: 'custom-fields',
      id: '0190a5e8-1c2d-7000-8000-000000000001',
      attributes: {
        name: 'shirt_size',
        label: 'Shirt size',
        fieldType: 'text',
        required: false,
        choices: null,
        position: 0,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
      },
      links: { self: '/api/custom-fields/0190a5e8-1c2d-7000-8000-000000000001' },
    };
    // What I may do from the list, as every answer of it says.
    const meta = { abilities: { create: true, update: true, delete: true } };
    expect(() =>
      checker.check(list, answer(200, { jsonapi: { version: '1.1' }, data: [field], meta })),
    ).not.toThrow();
    // a status the operation does not declare
    expect(() => checker.check(list, answer(418, { errors: [] }))).toThrow(/418 is not declared/);
    // the old attribute name, an unknown member, a wrong type
    const { fieldType: _fieldType, ...old } = field.attributes;
    for (const attributes of [
      { ...old, type: 'text' },
      { ...field.attributes, secret: 'x' },
      { ...field.attributes, position: '0' },
    ]) {
      expect(() =>
        checker.check(
          list,
          answer(200, { jsonapi: { version: '1.1' }, data: [{ ...field, attributes }], meta }),
        ),
      ).toThrow(/does not match/);
    }
    // an error that is not a JSON:API error document, a body on a 204, a wrong content type
    expect(() => checker.check(list, answer(404, { error: 'Not Found' }))).toThrow(/does not match/);
    const remove = { method: 'DELETE', url: `/api/custom-fields/${field.id}` };
    expect(() => checker.check(remove, answer(204, undefined))).not.toThrow();
    expect(() => checker.check(remove, answer(204, { data: null }))).toThrow(/declares none/);
    expect(() =>
      checker.check(list, answer(200, { jsonapi: { version: '1.1' }, data: [], meta }, 'text/html')),
    ).toThrow(/as "text\/html"/);
    // a path the API does not have answers a JSON:API 4xx
    expect(() => checker.check({ method: 'GET', url: '/api/nope' }, answer(200, {}))).toThrow(
      /no GET operation/,
    );
  });
});
