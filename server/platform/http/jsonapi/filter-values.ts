import { isCalendarDate } from '../../../../common/dates';
import { errorMeta } from '../../../../common/error-particulars';
import { parseInstant } from '../../../../common/instant';
import { isId } from '../../ids';
import { badParameter, quoteList } from './query-error';

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'exists' | 'contains';

export type FilterKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'date' | 'enum' | 'id';

export type FilterSpec = {
  /** Column reference as Kysely knows it, e.g. `organizations.nameNormalized` */
  column: string;
  kind: FilterKind;
  /** The allowed values of an `enum` filter */
  values?: readonly string[];
  /** Allowed operators; defaults to those that make sense for the kind (see `defaultFilterOps`). */
  ops?: readonly FilterOp[];
  /** An `id` filter naming a user: `me` stands for the actor (the caller replaces it). */
  me?: true;
};

/** A list (from `a,b,c`) only for `eq`/`neq` on `enum` and `id` filters, meaning IN / NOT IN. */
export type FilterValue = string | number | boolean | readonly string[];

const ORDERED: readonly FilterOp[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'exists'];

export const defaultFilterOps: Readonly<Record<FilterKind, readonly FilterOp[]>> = {
  string: ['eq', 'neq', 'contains', 'exists'],
  number: ORDERED,
  boolean: ['eq', 'neq', 'exists'],
  timestamp: ORDERED,
  date: ORDERED,
  enum: ['eq', 'neq', 'exists'],
  id: ['eq', 'neq', 'exists'],
};

export const MAX_FILTER_LIST = 100;

/** The operators a filter accepts; `contains` only ever applies to strings. */
export function allowedFilterOps(spec: FilterSpec): readonly FilterOp[] {
  const ops = spec.ops ?? defaultFilterOps[spec.kind];
  return ops.filter((op) => op !== 'contains' || spec.kind === 'string');
}

/**
 * What a filter of `spec` takes, in English (`a date as YYYY-MM-DD`): the words of its 400 and of
 * its OpenAPI description alike.
 */
export function filterValueWords(spec: FilterSpec): string {
  switch (spec.kind) {
    case 'string':
      return 'a text';
    case 'number':
      return 'a decimal number such as 42 or -1.5';
    case 'boolean':
      return `'true' or 'false'`;
    case 'timestamp':
      return 'an ISO-8601 date and time with a time zone, such as 2026-11-28T09:15:00Z';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'enum':
      return `one of ${quoteList(spec.values ?? [])}, or a comma-separated list of them`;
    case 'id':
      return spec.me
        ? 'a user id (a lower-case UUID) or me, or a comma-separated list of them'
        : 'an id (a lower-case UUID) or a comma-separated list of ids';
  }
}

/** The 400 of a filter value, with what was expected in English and its particulars (`meta`). */
type Invalid = (
  expected: string,
  particulars:
    | { reason: 'boolean' | 'required' | 'number' | 'date_time' | 'date' | 'id' | 'owner' }
    | { reason: 'too_many'; maximum: number }
    | { reason: 'choice'; allowed: readonly string[] },
) => Error;

/** Parses the raw value of `filter[field][op]` strictly by the filter's kind. */
export function parseFilterValue(
  raw: string,
  spec: FilterSpec,
  op: FilterOp,
  parameter: string,
): FilterValue {
  const invalid = invalidValueOf(parameter);
  if (op === 'exists') {
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw invalid(`'true' or 'false'`, { reason: 'boolean' });
  }
  if (raw === '') throw invalid('a non-empty value', { reason: 'required' });
  if ((spec.kind === 'enum' || spec.kind === 'id') && (op === 'eq' || op === 'neq') && raw.includes(',')) {
    const items = [...new Set(raw.split(','))];
    if (items.length > MAX_FILTER_LIST)
      throw invalid(`a list of at most ${MAX_FILTER_LIST} values`, {
        reason: 'too_many',
        maximum: MAX_FILTER_LIST,
      });
    return items.map((item) => parseChoice(item, spec, invalid));
  }
  return parseScalar(raw, spec, invalid);
}

/** The 400 `invalid_filter_value` of `parameter`'s value, at `source.parameter`. */
function invalidValueOf(parameter: string): Invalid {
  return (expected, particulars) =>
    badParameter(
      parameter,
      'invalid_filter_value',
      `${parameter} must be ${expected}.`,
      errorMeta('invalid_filter_value', { ...particulars, parameter }),
    );
}

function parseScalar(raw: string, spec: FilterSpec, invalid: Invalid): string | number | boolean {
  switch (spec.kind) {
    case 'string':
      return raw;
    case 'number':
      if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(raw) && Number.isFinite(Number(raw))) return Number(raw);
      throw invalid(filterValueWords(spec), { reason: 'number' });
    case 'boolean':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw invalid(filterValueWords(spec), { reason: 'boolean' });
    case 'timestamp': {
      const timestamp = parseInstant(raw);
      if (timestamp !== undefined) return timestamp;
      throw invalid(filterValueWords(spec), { reason: 'date_time' });
    }
    case 'date':
      if (isCalendarDate(raw)) return raw;
      throw invalid(filterValueWords(spec), { reason: 'date' });
    case 'enum':
    case 'id':
      return parseChoice(raw, spec, invalid);
  }
}

/** One value of an `enum` or `id` filter. */
function parseChoice(raw: string, spec: FilterSpec, invalid: Invalid): string {
  if (spec.kind === 'enum') {
    if (spec.values?.includes(raw)) return raw;
    throw invalid(filterValueWords(spec), { reason: 'choice', allowed: spec.values ?? [] });
  }
  if (isId(raw) || (spec.me && raw === 'me')) return raw;
  throw invalid(filterValueWords(spec), { reason: spec.me ? 'owner' : 'id' });
}

/** A query parameter naming one user: an `id` filter that takes `me`, without lists. */
const ONE_USER: FilterSpec = { column: '', kind: 'id', me: true, ops: ['eq'] };

/**
 * A single user named by a query parameter (`filter[owner]`): a user id or `me`, read as an `id`
 * filter with `me` reads one of its values (a comma makes no list here: such a value is no id).
 * @throws AppError 400 `invalid_filter_value` (reason `owner`) with `source.parameter`.
 */
export function parseUserParameter(raw: string, parameter: string): string {
  const invalid = invalidValueOf(parameter);
  // One user: the words leave out the lists an `id` filter takes.
  return parseChoice(raw, ONE_USER, (_, particulars) =>
    invalid('a user id (a lower-case UUID) or me', particulars),
  );
}
