import { z } from 'zod';
import { allowedFilterOps, type FilterSpec, filterValueWords } from './filter-values';
import { DEFAULT_PAGE_SIZE, type ListSpec, MAX_PAGE_SIZE } from './list-query';

/** The longest value a list parameter may have (a cursor, a filter, a sort): longer is a 400. */
export const MAX_QUERY_VALUE_LENGTH = 1024;

const value = (description?: string) => {
  const schema = z.string().max(MAX_QUERY_VALUE_LENGTH);
  return (description ? schema.describe(description) : schema).optional();
};

/** `a, b or c` in backquotes, for descriptions. */
const listed = (values: readonly (string | number)[]) => values.map((item) => `\`${item}\``).join(', ');

/** What a filter takes (the words of its 400) and its other operators, for its OpenAPI description. */
function filterDescription(field: string, filter: FilterSpec): string {
  const ops = allowedFilterOps(filter).filter((op) => op !== 'eq');
  const operators = ops.length ? ` Also \`filter[${field}][op]\` with op ${listed(ops)}.` : '';
  return `${field}: ${filterValueWords(filter)}.${operators}`;
}

/**
 * The declared query schema of a list route: every parameter `spec` accepts (`page[number]`,
 * `page[size]`, `sort`, `include`, each `filter[field]` and `filter[field][op]`, each
 * `fields[type]`), each at most once as a plain string. The route still parses the query with
 * `parseListQuery`, which refuses any other parameter with a 400 naming it (so the object is loose
 * here: parameters the list machinery adds later reach that one strict check too).
 */
export function listQuerySchema(spec: ListSpec) {
  const sortFields = Object.keys(spec.sort);
  // In this order: the parsed query keeps it, and a conflict (page[after] with page[before]) is
  // reported at the later one.
  const parameters: Record<string, ReturnType<typeof value>> = {};
  if (!spec.forwardOnly)
    parameters['page[number]'] = value(
      'Page number, from 1 (offset paging, kept for compatibility: the database reads and skips every row before the page; prefer `page[after]`).',
    );
  parameters['page[size]'] = value(
    `Records per page, from 1 to ${MAX_PAGE_SIZE} (default ${spec.defaultPageSize ?? DEFAULT_PAGE_SIZE}).`,
  );
  parameters['page[after]'] = value(
    'The cursor of the row to page after, as `links.next` carries it (JSON:API cursor pagination).',
  );
  if (!spec.forwardOnly)
    parameters['page[before]'] = value('The cursor of the row to page before, as `links.prev` carries it.');
  parameters.sort = value(
    `Comma-separated sort fields, each \`-\`-prefixed for descending: ${listed(sortFields)} (default \`${spec.defaultSort}\`).`,
  );
  if (spec.includes?.length)
    parameters.include = value(`Comma-separated relationships to include: ${listed(spec.includes)}.`);
  for (const [field, filter] of Object.entries(spec.filters)) {
    parameters[`filter[${field}]`] = value(filterDescription(field, filter));
    for (const op of allowedFilterOps(filter)) parameters[`filter[${field}][${op}]`] = value();
  }
  for (const [type, fields] of Object.entries(spec.fieldsets ?? {}))
    parameters[`fields[${type}]`] = value(
      `Comma-separated fields of \`${type}\` to return: ${listed(fields)}.`,
    );
  return z.looseObject(parameters);
}

/**
 * The declared query schema of a single-resource GET: `fields[type]` per type of `fieldsets`; the
 * route parses it with `parseFieldsQuery`, which refuses any other parameter with a 400.
 */
export function fieldsQuerySchema(fieldsets: Readonly<Record<string, readonly string[]>>) {
  const parameters: Record<string, ReturnType<typeof value>> = {};
  for (const [type, fields] of Object.entries(fieldsets))
    parameters[`fields[${type}]`] = value(
      `Comma-separated fields of \`${type}\` to return: ${listed(fields)}.`,
    );
  return z.looseObject(parameters);
}
