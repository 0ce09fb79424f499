import { errorMeta } from '../../../../common/error-particulars';
import { type ListSpec, parseListQuery } from './list-query';
import { badParameter } from './query-error';

/**
 * Parses the query string of a single-resource GET: only `fields[type]` (sparse fieldsets, checked
 * against `fieldsets` exactly as a list does); any other parameter is a 400 naming it.
 */
export function parseFieldsQuery(
  query: Readonly<Record<string, unknown>>,
  fieldsets: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const parameters = Object.entries(query);
  // Most calls have no query string at all.
  if (parameters.length === 0) return {};
  for (const [parameter, value] of parameters) {
    if (value !== undefined && !/^fields\[[^[\]]+\]$/.test(parameter)) {
      throw badParameter(
        parameter,
        'unknown_parameter',
        `The query parameter ${parameter} is not supported here.`,
        errorMeta('unknown_parameter', { reason: 'not_supported', parameter }),
      );
    }
  }
  const spec: ListSpec = { type: '', sort: { id: 'id' }, defaultSort: 'id', filters: {}, fieldsets };
  return parseListQuery(query, spec).fields;
}
