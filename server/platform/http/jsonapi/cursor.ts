import { textProblem } from '../input-text';
import { badParameter } from './query-error';

/** A value of one sort key as the database returned it (text, number, or NULL). */
export type CursorValue = string | number | null;

/**
 * Where a page starts or ends: the values of the list's sort keys at one row, the id last. With
 * the signature of the sort it was made for, so a cursor of one order is refused by another.
 */
export type Cursor = { sort: string; values: CursorValue[] };

/** Longer cursors are refused before decoding (a sort key is at most a name or an email). */
export const MAX_CURSOR_LENGTH = 2_000;

/**
 * The opaque text of a cursor (JSON:API cursor pagination profile): base64url of
 * `[sort, ...values]`. Opaque to clients, not secret: a client that forges one only moves its own
 * page boundary, and every value is bound as a parameter.
 */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, ...cursor.values]), 'utf8').toString('base64url');
}

/**
 * Reads `page[after]`/`page[before]` (`parameter`) made for the sort `sort` (e.g. `-createdAt`).
 * @throws AppError 400 `invalid_cursor` (source.parameter) for anything `encodeCursor` did not make
 *   for this sort.
 */
export function decodeCursor(parameter: string, text: string, sort: string): Cursor {
  const invalid = (detail: string) => badParameter(parameter, 'invalid_cursor', detail);
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) {
    throw invalid(`${parameter} must be a cursor taken from a links.next or links.prev of this list.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length < 2 ||
    typeof parsed[0] !== 'string' ||
    !parsed.slice(1).every(isCursorValue)
  ) {
    throw invalid(`${parameter} must be a cursor taken from a links.next or links.prev of this list.`);
  }
  if (parsed[0] !== sort) {
    throw invalid(`The cursor in ${parameter} was made for another sort order: send the sort it came with.`);
  }
  return { sort, values: parsed.slice(1) as CursorValue[] };
}

/** A value `encodeCursor` can have written: NULL, a finite number, or text the database can hold. */
function isCursorValue(value: unknown): value is CursorValue {
  if (typeof value === 'string') return textProblem(value) === undefined;
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}
