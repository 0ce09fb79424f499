import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * The OpenAPI document as a contract for the test suite: every answer the tests get from
 * `app.inject` is checked against the document the app serves, so the document cannot drift from
 * the code. An answer fails the test that made the request when
 * - its status is not declared for the operation (or, on a path or method the API does not have,
 *   it is not a 4xx with a JSON:API error document);
 * - its Content-Type is not one declared for that status, or it has a body where none is declared;
 * - its JSON body does not match the declared schema (Ajv, JSON Schema 2020-12, formats checked).
 * Only `/api` outside the sandbox (`/api/doc`) is checked.
 */
export type ContractChecker = {
  check(request: { method: string; url: string }, response: LightMyRequestResponse): void;
};

type MediaObject = { schema?: unknown };
type ResponseObject = { content?: Record<string, MediaObject> };
type OperationObject = { operationId?: string; responses: Record<string, ResponseObject> };
type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, unknown>;
};

type Route = { pattern: RegExp; staticLength: number; operations: Record<string, OperationObject> };

const DOCUMENT_ID = 'https://atrium.invalid/openapi.json';
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export function createContractChecker(document: OpenApiDocument): ContractChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  // References inside operations are relative to the document: point them at it.
  const withAbsoluteRefs = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));
  ajv.addSchema({ $id: DOCUMENT_ID, components: withAbsoluteRefs(document.components ?? {}) });

  const routes: Route[] = Object.entries(document.paths).map(([path, operations]) => ({
    pattern: new RegExp(
      `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
    ),
    staticLength: path.replace(/\{[^}]+\}/g, '').length,
    operations,
  }));
  const errorDocument = ajv.compile(withAbsoluteRefs({ $ref: '#/components/schemas/ErrorDocument' }));
  const validators = new Map<unknown, ValidateFunction>();
  const validatorOf = (schema: unknown) => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(withAbsoluteRefs(schema) as object);
      validators.set(schema, validate);
    }
    return validate;
  };

  return {
    check(request, response) {
      const path = (request.url.split('?', 1)[0] ?? '').replace(/(.)\/+$/, '$1');
      if (!path.startsWith('/api/') || path === '/api/doc' || path.startsWith('/api/doc/')) return;
      const method = request.method.toUpperCase();
      const where = `${method} ${request.url} answered ${response.statusCode}`;
      const route = routes
        .filter((candidate) => candidate.pattern.test(path))
        .sort((a, b) => b.staticLength - a.staticLength)[0];
      const operation = route?.operations[(method === 'HEAD' ? 'GET' : method).toLowerCase()];
      if (!operation) {
        if (response.statusCode < 400 || response.statusCode >= 500) {
          throw new Error(`${where}, but the OpenAPI document has no ${method} operation on this path`);
        }
        expectBody(where, response, errorDocument);
        return;
      }
      const declared = operation.responses[String(response.statusCode)];
      if (!declared) {
        throw new Error(
          `${where}: status ${response.statusCode} is not declared for ${operation.operationId ?? 'the operation'} in the OpenAPI document (declared: ${Object.keys(operation.responses).join(', ')})`,
        );
      }
      const contentType = String(response.headers['content-type'] ?? '')
        .split(';', 1)[0]
        ?.trim()
        .toLowerCase();
      const hasBody = response.rawPayload.length > 0;
      if (!declared.content) {
        if (hasBody) throw new Error(`${where} with a body, but the document declares none`);
        return;
      }
      if (method === 'HEAD') return;
      const media = contentType ? declared.content[contentType] : undefined;
      if (!media) {
        throw new Error(
          `${where} as "${contentType}", but the document declares ${Object.keys(declared.content).join(', ')}`,
        );
      }
      if (media.schema && /json/.test(contentType ?? ''))
        expectBody(where, response, validatorOf(media.schema));
    },
  };
}

function expectBody(where: string, response: LightMyRequestResponse, validate: ValidateFunction): void {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new Error(`${where} with a body that is not JSON: ${response.body.slice(0, 200)}`);
  }
  if (!validate(body)) {
    const problems = (validate.errors ?? [])
      .slice(0, 10)
      .map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`)
      .join('; ');
    throw new Error(
      `${where} with a body that does not match the OpenAPI document: ${problems}\n${response.body.slice(0, 2000)}`,
    );
  }
}

let shared: ContractChecker | undefined;

/**
 * Makes `app.inject` check every answer against the app's own OpenAPI document (the checker is
 * built once per test process: every test app has the same routes). A mismatch rejects the
 * inject promise, so the test that made the request fails with the reason.
 */
export function checkAnswersAgainstDocument(app: FastifyInstance): void {
  const inject = app.inject.bind(app);
  const checked = (options?: InjectOptions | string) => {
    if (options === undefined) return inject();
    const request =
      typeof options === 'string'
        ? { method: 'GET', url: options }
        : { method: String(options.method ?? 'GET'), url: String(options.url ?? options.path ?? '/') };
    return inject(options).then((response) => {
      shared ??= createContractChecker(app.swagger() as unknown as OpenApiDocument);
      shared.check(request, response);
      return response;
    });
  };
  app.inject = checked as typeof app.inject;
}
