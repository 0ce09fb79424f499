import { z } from 'zod';
import { allowedFilterOps } from './filter-values';
import type { ListSpec } from './list-query';

/** The longest value a list parameter may have (a cursor, a filter, a sort): longer is a 400. */
export const MAX_QUERY_VALUE_LENGTH = 1024;

const value = () => z.string().max(MAX_QUERY_VALUE_LENGTH).optional();

/**
 * The declared query schema of a list route: every parameter `spec` accepts (`page[number]`,
 * `page[size]`, `sort`, `include`, each `filter[field]` and `filter[field][op]`, each
 * `fields[type]`), each at most once as a plain string. The route still parses the query with
 * `parseListQuery`, which refuses any other parameter with a 400 naming it (so the object is loose
 * here: parameters the list machinery adds later reach that one strict check too).
 */
export function listQuerySchema(spec: ListSpec) {
  const parameters: Record<string, ReturnType<typeof value>> = {
    'page[number]': value(),
    'page[size]': value(),
    'page[after]': value(),
    'page[before]': value(),
    sort: value(),
  };
  if (spec.includes?.length) parameters.include = value();
  for (const [field, filter] of Object.entries(spec.filters)) {
    parameters[`filter[${field}]`] = value();
    for (const op of allowedFilterOps(filter)) parameters[`filter[${field}][${op}]`] = value();
  }
  for (const type of Object.keys(spec.fieldsets ?? {})) parameters[`fields[${type}]`] = value();
  return z.looseObject(parameters);
}

/**
 * The declared query schema of a single-resource GET: `fields[type]` per type of `fieldsets`; the
 * route parses it with `parseFieldsQuery`, which refuses any other parameter with a 400.
 */
export function fieldsQuerySchema(fieldsets: Readonly<Record<string, readonly string[]>>) {
  const parameters: Record<string, ReturnType<typeof value>> = {};
  for (const type of Object.keys(fieldsets)) parameters[`fields[${type}]`] = value();
  return z.looseObject(parameters);
}
