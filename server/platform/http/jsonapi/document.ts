/**
 * The JSON:API 1.1 document envelope (https://jsonapi.org/format/1.1/#document-structure).
 * Presenters build resource objects; these helpers wrap them into top-level documents.
 */
export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';

export type Links = Record<string, string | { href: string; meta?: Record<string, unknown> } | null>;

export type Meta = Record<string, unknown>;

export type ResourceIdentifier = { type: string; id: string; meta?: Meta };

export type Relationship = {
  data: ResourceIdentifier | ResourceIdentifier[] | null;
  links?: Links;
  meta?: Meta;
};

export type ResourceObject = {
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, Relationship>;
  links?: Links;
  meta?: Meta;
};

export type DocumentOptions = {
  included?: ResourceObject[];
  meta?: Meta;
  links?: Links;
};

export type JsonApiDocument<TData> = {
  jsonapi: { version: '1.1' };
  data: TData;
  included?: ResourceObject[];
  meta?: Meta;
  links?: Links;
};

export function resourceDocument(
  resource: ResourceObject | null,
  options: DocumentOptions = {},
): JsonApiDocument<ResourceObject | null> {
  return envelope(resource, options);
}

export function collectionDocument(
  resources: ResourceObject[],
  options: DocumentOptions = {},
): JsonApiDocument<ResourceObject[]> {
  return envelope(resources, options);
}

function envelope<TData>(data: TData, { included, meta, links }: DocumentOptions): JsonApiDocument<TData> {
  const document: JsonApiDocument<TData> = { jsonapi: { version: '1.1' }, data };
  if (included) document.included = included;
  if (meta) document.meta = meta;
  if (links) document.links = links;
  return document;
}

/**
 * Keeps only the attributes and relationships listed for the resource's type in `fieldsByType`
 * (the parsed `fields[type]` parameters); a type that is not listed keeps every field. `type`,
 * `id`, `links` and `meta` are never removed. Returns a new object.
 */
export function applySparseFieldset(
  resource: ResourceObject,
  fieldsByType: Readonly<Record<string, readonly string[]>>,
): ResourceObject {
  const fields = Object.hasOwn(fieldsByType, resource.type) ? fieldsByType[resource.type] : undefined;
  if (!fields) return resource;
  const { attributes, relationships, ...rest } = resource;
  const result: ResourceObject = rest;
  if (attributes) result.attributes = pick(attributes, fields);
  if (relationships) result.relationships = pick(relationships, fields);
  return result;
}

function pick<TValue>(record: Record<string, TValue>, keys: readonly string[]): Record<string, TValue> {
  const picked: Record<string, TValue> = {};
  for (const key of keys) {
    if (Object.hasOwn(record, key)) picked[key] = record[key] as TValue;
  }
  return picked;
}
