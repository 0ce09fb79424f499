import { AppError } from '../errors';

/** A 400 about one query parameter, named exactly as the client sent it. */
export function badParameter(
  parameter: string,
  code: string,
  detail: string,
  meta?: Record<string, unknown>,
): AppError {
  return new AppError('bad_request', code, detail, { source: { parameter }, ...(meta ? { meta } : {}) });
}

/** `'a', 'b'` for messages that list the allowed values. */
export function quoteList(values: Iterable<string>): string {
  const list = [...values].map((value) => `'${value}'`);
  return list.length === 0 ? 'none' : list.join(', ');
}
