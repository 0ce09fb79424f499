import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySerializerCompiler } from 'fastify';
import { createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openApiTransform, withOptionalBodies } from './operations';

export * from './documents';
export {
  emptyResponse,
  etagHeader,
  type HeaderSpec,
  jsonApiResponse,
  locationHeader,
  MULTIPART_KEY,
  type MultipartUpload,
  openApiTransform,
  type ResponseSpec,
  totalCountHeader,
} from './operations';

/**
 * Answers are serialized with JSON.stringify, as without a response schema: the routes' response
 * schemas describe the answers for the OpenAPI document, and the test suite checks every answer
 * against that document (tests/helpers/openapi-contract.ts). Parsing each answer through zod at
 * run time would cost every request and could turn a small mismatch into a 500.
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) =>
  JSON.stringify(data);

const tags = [
  { name: 'sessions', description: 'Signing in and out; my signed-in devices; the current organization' },
  { name: 'users', description: 'Users of my organization, profiles (`me` for myself), avatars' },
  { name: 'passwords', description: 'The password policy, changing, setting and resetting passwords' },
  { name: 'api keys', description: 'A user’s API key in the current organization' },
  { name: 'organizations', description: 'The organizations I am a member of' },
  { name: 'roles', description: 'Roles of my organization and their permissions' },
  { name: 'settings', description: 'Scoped configuration: system, organization, user' },
  { name: 'custom-fields', description: 'Custom user fields of my organization' },
  { name: 'audit', description: 'The security audit log' },
  { name: 'mail', description: 'The outbox of my organization' },
  { name: 'calendar', description: 'Calendar events, their occurrences, invitations and feeds' },
  { name: 'tasks', description: 'Tasks: Assign Task, User Tasks, My Tasks' },
  { name: 'calls', description: 'Logged calls (Log Call)' },
  { name: 'activities', description: 'The Activity timeline of a user: emails, calls, events, tasks' },
  { name: 'emails', description: 'Send Email: emails, their attachments (files) and email templates' },
  { name: 'menus', description: 'The menus, merged for me; my and the organization’s changes to them' },
];

const describeObject = createJsonSchemaTransformObject({});

/**
 * The options of @fastify/swagger: an OpenAPI 3.1 document generated from the routes' zod
 * schemas by `openApiTransform`, with the shared schemas (`ErrorDocument` …) as components.
 */
export const openApiDocumentOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Atrium API',
      version: '1',
      description:
        'JSON:API 1.1 (`application/vnd.api+json`). Authenticate with `Authorization: Bearer <API key>` (My User → General Information → API Key → Generate Key), or with the session cookie of `POST /api/sessions` plus `X-CSRF-Token` on changes. Lists take `page[number]`, `page[size]` (at most 100), `sort`, `filter[…]`, `include`, `fields[type]` and `X-Include: totalCount`. Every error is a JSON:API error document.',
      contact: { name: 'The administrators of this Atrium server' },
    },
    servers: [
      {
        url: '/',
        description: 'This Atrium server (the origin serving this document: production, staging or local)',
        'x-internal': false,
      } as { url: string; description: string },
    ],
    tags,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An Atrium API key (`atr_…`), sent only in the Authorization header: a key in a URL is refused with 401.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'atrium_session',
          description:
            'The session cookie set by POST /api/sessions (`__Host-atrium_session` behind https). State-changing requests also need X-CSRF-Token.',
        },
      },
    },
    security: [{ apiKey: [] }, { session: [] }],
  },
  transform: openApiTransform,
  transformObject: (input) =>
    withOptionalBodies(
      withoutUnusedSchemas(describeObject(input) as OpenApiObject),
    ) as ReturnType<SwaggerTransformObject>,
};

type OpenApiObject = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * fastify-type-provider-zod writes every registered schema twice (as input and as output); keep
 * only the components the operations reference, directly or through another component.
 */
function withoutUnusedSchemas(document: OpenApiObject): OpenApiObject {
  const schemas = document.components?.schemas ?? {};
  const { components, ...rest } = document;
  const used = new Set<string>();
  const pending = [JSON.stringify(rest)];
  while (pending.length > 0) {
    const json = pending.pop() as string;
    for (const match of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = match[1] as string;
      if (!used.has(name) && schemas[name] !== undefined) {
        used.add(name);
        pending.push(JSON.stringify(schemas[name]));
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}
