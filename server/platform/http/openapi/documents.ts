import { z } from 'zod';
import { errorParticulars } from '../../../../common/error-particulars';
import { MAX_PAGE_SIZE } from '../jsonapi/list-query';

/**
 * Zod builders for the JSON:API 1.1 documents the API answers
 * (https://jsonapi.org/format/1.1/#document-structure). Each feature's presenter describes its
 * resource with them next to the function that builds it; the routes name the documents in their
 * `response` schemas; the OpenAPI document is generated from those (see `./operations.ts`) and the
 * test suite checks every answer against it. Objects are strict: a member the document does not
 * name is a difference the tests report, so the description cannot drift from the code.
 *
 * Every string has a bound and every integer a range and a format (the OWASP API Security
 * ruleset's API4 rules): the bounds are the ones the code enforces or the columns hold.
 */

/** At most this many errors in one error document (the error handler keeps the first ones). */
const MAX_ERRORS = 100;

/** Text of at most `max` UTF-16 code units. */
export const text = (max: number) => z.string().max(max);

/** A record id: a UUID (v7, not guessable). */
export const recordId = z.uuid().max(36);

/** An ISO 8601 UTC timestamp as the API writes them: `2026-11-28T09:15:00.000Z`. */
export const timestamp = z.iso.datetime().max(32);

/** A calendar date, `YYYY-MM-DD`. */
export const calendarDate = z.iso.date().max(10);

/** An integer from `min` to `max`, declared as int32 or int64 (OWASP API4: integers have a format). */
export const integer = (min: number, max: number) =>
  z
    .number()
    .int()
    .min(min)
    .max(max)
    .meta({ format: max <= 2_147_483_647 && min >= -2_147_483_648 ? 'int32' : 'int64' });

/** A path under this API, as links carry them (`/api/users/…`). */
export const apiPath = z
  .string()
  .max(4096)
  .regex(/^\/api\//);

/** The `jsonapi` member of every document this API answers. */
export const jsonApiObject = z.strictObject({ version: z.literal('1.1') });

/** `{ type, id }` of a resource of `type`. */
export function resourceIdentifier<T extends string>(type: T, id: z.ZodType = recordId) {
  return z.strictObject({ type: z.literal(type), id });
}

/** A to-one relationship; `nullable` when it may point at nothing (`data: null`). */
export function toOneRelationship<T extends string>(type: T, options: { nullable?: boolean } = {}) {
  const identifier = resourceIdentifier(type);
  return z.strictObject({ data: options.nullable ? identifier.nullable() : identifier });
}

/** A to-many relationship of at most `max` members. */
export function toManyRelationship<T extends string>(type: T, max: number) {
  return z.strictObject({ data: z.array(resourceIdentifier(type)).max(max) });
}

type Shape = Record<string, z.ZodType>;

export type ResourceParts = {
  /** The `id` member's schema (default: a record id). */
  id?: z.ZodType;
  attributes: Shape;
  relationships?: Shape;
  links?: Shape;
  meta?: z.ZodType;
  /**
   * The resource honours sparse fieldsets (`fields[type]`) or is presented with only what its
   * caller loaded: any attribute or relationship may be left out, so none is required.
   */
  sparse?: boolean;
};

/**
 * A resource object of `type`. Its attributes and relationships are never named `type` or `id`
 * (JSON:API 1.1 §5.2.2: they share a namespace with the resource's own `type` and `id`); the
 * OpenAPI test checks every resource of the document.
 */
export function resourceSchema<T extends string>(type: T, parts: ResourceParts) {
  const attributes = z.strictObject(parts.attributes);
  const relationships = parts.relationships ? z.strictObject(parts.relationships) : undefined;
  return z.strictObject({
    type: z.literal(type),
    id: parts.id ?? recordId,
    attributes: parts.sparse ? attributes.partial() : attributes,
    ...(relationships
      ? { relationships: parts.sparse ? relationships.partial().optional() : relationships }
      : {}),
    ...(parts.links ? { links: z.strictObject(parts.links) } : {}),
    ...(parts.meta ? { meta: parts.meta } : {}),
  });
}

/**
 * `meta.abilities`: what the signed-in user may do, one boolean per name (each feature's names in
 * `common/abilities.ts`), computed by the server's policies so a client shows only the actions the
 * API would allow.
 */
export function abilitiesSchema<T extends string>(names: readonly T[]) {
  return z.strictObject(
    Object.fromEntries(names.map((name) => [name, z.boolean()])) as Record<T, z.ZodBoolean>,
  );
}

/** The top-level `links` of a page of a collection (see `paginationLinks`). */
export const paginationLinksSchema = z.strictObject({
  self: apiPath,
  first: apiPath,
  prev: apiPath.optional(),
  next: apiPath.optional(),
  last: apiPath.optional(),
});

/** `meta.totalCount`, present when the client sent `X-Include: totalCount`. */
export const totalCountMeta = z.strictObject({ totalCount: integer(0, Number.MAX_SAFE_INTEGER) });

type DocumentParts = {
  included?: z.ZodType;
  meta?: z.ZodType;
  links?: z.ZodType;
};

/**
 * The `meta` of a list that also says what I may do from it (`abilities`, see `abilitiesSchema`):
 * always present, with `totalCount` when asked for.
 */
export function listMetaWithAbilities(abilities: z.ZodType) {
  return z.strictObject({
    totalCount: integer(0, Number.MAX_SAFE_INTEGER).optional(),
    abilities,
  });
}

/** The `meta` of an unpaged list that says what I may do from it (`abilities` alone). */
export function unpagedListMetaWithAbilities(abilities: z.ZodType) {
  return z.strictObject({ abilities });
}

/** `{ jsonapi, data: <resource>, included?, meta? }`; `nullable` when `data` may be `null`. */
export function resourceDocumentSchema(
  resource: z.ZodType,
  parts: DocumentParts & { nullable?: boolean; maxIncluded?: number } = {},
) {
  return z.strictObject({
    jsonapi: jsonApiObject,
    data: parts.nullable ? resource.nullable() : resource,
    ...(parts.included
      ? {
          included: z
            .array(parts.included)
            .max(parts.maxIncluded ?? 100)
            .optional(),
        }
      : {}),
    ...(parts.meta ? { meta: parts.meta } : {}),
    ...(parts.links ? { links: parts.links } : {}),
  });
}

/**
 * `{ jsonapi, data: [<resource>…], included?, meta?, links? }`: a page of at most `max` resources
 * (default: the largest page size). A paged list has pagination links and `meta.totalCount` when
 * asked for; an unpaged one (`paged: false`) has neither unless given.
 */
export function collectionDocumentSchema(
  resource: z.ZodType,
  parts: DocumentParts & { max?: number; maxIncluded?: number; paged?: boolean } = {},
) {
  const paged = parts.paged ?? true;
  const meta = parts.meta ?? (paged ? totalCountMeta : undefined);
  const links = parts.links ?? (paged ? paginationLinksSchema : undefined);
  return z.strictObject({
    jsonapi: jsonApiObject,
    data: z.array(resource).max(parts.max ?? MAX_PAGE_SIZE),
    ...(parts.included
      ? {
          included: z
            .array(parts.included)
            .max(parts.maxIncluded ?? 2 * MAX_PAGE_SIZE)
            .optional(),
        }
      : {}),
    ...(meta ? { meta: parts.meta ? meta : meta.optional() } : {}),
    ...(links ? { links: paged ? links : links.optional() } : {}),
  });
}

/** A document with only `meta` (an answer that reports without returning a resource). */
export function metaDocumentSchema(meta: z.ZodType) {
  return z.strictObject({ jsonapi: jsonApiObject, meta });
}

/** A human-readable message in `meta.message`. */
export const messageMeta = z.strictObject({ message: text(1000) });

/** Where an error is: a JSON pointer into the body, a query parameter or a header. */
const errorSource = z.union([
  z.strictObject({ pointer: text(1024).describe('JSON pointer (RFC 6901) into the request body') }),
  z.strictObject({ parameter: text(256).describe('The query or path parameter') }),
  z.strictObject({ header: text(256).describe('The request header') }),
]);

/**
 * The meta members of each code with particulars (common/error-particulars.ts), as the Error
 * schema documents them: `code` {a, b}, or for a code thrown for several reasons
 * `code` by reason (r1 {a}, r2 {}).
 */
function particularsDescription(): string {
  return Object.entries(errorParticulars)
    .map(([code, entry]) => {
      if (Array.isArray(entry)) return `\`${code}\` {${entry.join(', ')}}`;
      const reasons = Object.entries(entry as Record<string, readonly string[]>).map(
        ([reason, names]) => `${reason} {${names.join(', ')}}`,
      );
      return `\`${code}\` by reason (${reasons.join(', ')})`;
    })
    .join('; ');
}

/** One JSON:API error object (https://jsonapi.org/format/1.1/#error-objects). */
export const errorObjectSchema = z
  .strictObject({
    status: z
      .string()
      .regex(/^[45]\d\d$/)
      .max(3)
      .describe('The HTTP status, as a string'),
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]*$/)
      .max(100)
      .describe('Stable, machine-readable: clients may rely on it (e.g. `username_taken`)'),
    title: text(100).optional().describe('The HTTP status phrase'),
    detail: text(2000).describe('What is wrong, for people'),
    source: errorSource.optional(),
    meta: z
      .record(text(100), z.unknown())
      .optional()
      .describe(
        'The particulars of the problem, so a client can word it in its own language without `detail` ' +
          '(`too_small`/`too_big`: `origin` is what the bound measures — string: characters, array: items, ' +
          'number…; a list such as `allowed` names the accepted values; `rate_limited` {retryAfterSeconds}). ' +
          `By code: ${particularsDescription()}. Any other code says the same thing whatever happened.`,
      ),
  })
  .meta({ id: 'Error' });

/** The error document every 4xx and 5xx answer of the API carries. */
export const errorDocumentSchema = z
  .strictObject({
    jsonapi: jsonApiObject.optional(),
    errors: z.array(errorObjectSchema).min(1).max(MAX_ERRORS),
  })
  .meta({
    id: 'ErrorDocument',
    description: 'A JSON:API error document: one error object per problem found.',
  });
