import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorMeta } from '../../../common/error-particulars';
import { AppError, type ErrorSource } from './errors';

/**
 * Text at the edge (issue 12 item 8). Every string that reaches a route — each member name and
 * value of a JSON body at any depth, each path parameter, each query parameter name and value — must
 * be a sequence of Unicode scalar values (no lone surrogate, RFC 8259 §8.2 / Unicode §3.9 D76) and
 * hold no NUL (U+0000: PostgreSQL's text and jsonb cannot store it, C-string consumers cut at it).
 * A body must also be well-formed UTF-8 (RFC 8259 §8.1): a bad byte is refused, never replaced by
 * U+FFFD. Such input is a 400 `invalid_text` naming where it is; nothing is stored altered, and no
 * route, store or driver ever sees it. A body nested deeper than any document of the API is a 400
 * too (`nesting_too_deep`), before the validators recurse into it.
 */

/** Why text is refused (the `reason` of an `invalid_text` error's meta), in the English detail's words. */
const textProblems = {
  nul: 'contains the NUL character (U+0000)',
  lone_surrogate: 'is not valid Unicode text (it contains a lone surrogate)',
  percent_encoding: 'is not valid percent-encoded UTF-8',
} as const;

type TextProblem = keyof typeof textProblems;

/** Why a string is refused, or undefined when it is acceptable text. */
export function textProblem(value: string): TextProblem | undefined {
  if (value.includes('\u0000')) return 'nul';
  // String.prototype.isWellFormed (ES2024, Node 20+): false exactly when a surrogate is unpaired.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return 'lone_surrogate';
  return undefined;
}

/** A JSON pointer segment (RFC 6901). */
function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** How deep a JSON body may nest: Atrium's documents need 8 levels; the parsers recurse per level. */
export const MAX_JSON_DEPTH = 32;

/** A string of a JSON value that is not acceptable text, or where the value nests too deeply. */
type InvalidText = {
  pointer: string;
  problem: string;
  code: 'invalid_text' | 'nesting_too_deep';
  reason?: TextProblem;
};

/**
 * The first problem of a parsed JSON value: a string (member names included) that is not
 * acceptable text, or nesting deeper than `MAX_JSON_DEPTH`; as the JSON pointer of its member and
 * the reason. Undefined when all of it is acceptable.
 */
export function findInvalidText(value: unknown, pointer = '', depth = 0): InvalidText | undefined {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { pointer, problem: textProblems[reason], code: 'invalid_text', reason } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_JSON_DEPTH) {
    return { pointer, problem: `nests deeper than ${MAX_JSON_DEPTH} levels`, code: 'nesting_too_deep' };
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findInvalidText(value[index], `${pointer}/${index}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, member] of Object.entries(value)) {
    const memberPointer = `${pointer}/${pointerSegment(key)}`;
    const keyProblem = textProblem(key);
    if (keyProblem) {
      return {
        pointer: memberPointer,
        problem: `has a member name that ${textProblems[keyProblem]}`,
        code: 'invalid_text',
        reason: keyProblem,
      };
    }
    const found = findInvalidText(member, memberPointer, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function invalidText(source: ErrorSource, detail: string, reason: TextProblem): AppError {
  return new AppError('bad_request', 'invalid_text', detail, {
    source,
    meta: errorMeta('invalid_text', { reason }),
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Parses a JSON body strictly: well-formed UTF-8 (a bad byte is a 400, not U+FFFD), then Fastify's
 * own JSON parsing (prototype and constructor poisoning are errors), then every string checked by
 * `findInvalidText`. Throws `AppError` 400 (`invalid_encoding`, or `invalid_text` /
 * `nesting_too_deep` with the pointer).
 */
export function parseJsonBody(body: Buffer, parseJson: (text: string) => unknown): unknown {
  // No body at all, Content-Type or not, is the same request: the route's schema says whether it
  // may be omitted (a DELETE, `POST /api/users/{id}/api-key`) or is `empty_body` (validation.ts).
  if (body.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AppError('bad_request', 'invalid_encoding', 'The request body is not valid UTF-8.');
  }
  const value = parseJson(text);
  const found = findInvalidText(value);
  if (found?.code === 'nesting_too_deep') {
    throw new AppError('bad_request', found.code, `The body ${found.problem}.`, {
      source: { pointer: found.pointer || '/' },
      // The limit, for the SPA to word in the reader's language (errors:particulars.nesting_too_deep).
      meta: errorMeta('nesting_too_deep', { maxLevel: MAX_JSON_DEPTH }),
    });
  }
  if (found?.reason) {
    throw invalidText({ pointer: found.pointer || '/' }, `This text ${found.problem}.`, found.reason);
  }
  return value;
}

/**
 * Checks the URL of a request: the path parameters, and the query string's names and values, both
 * as sent (every %-escape must decode to UTF-8) and as parsed. Throws `AppError` 400 with
 * `source.parameter`.
 */
export function assertValidUrlText(request: FastifyRequest): void {
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    if (problem) {
      throw invalidText({ parameter: name }, `The path parameter ${name} ${textProblems[problem]}.`, problem);
    }
  }
  const questionMark = request.url.indexOf('?');
  if (questionMark === -1) return;
  for (const pair of request.url.slice(questionMark + 1).split('&')) {
    const [rawName = '', rawValue = ''] = pair.split('=', 2);
    const name = decodeQueryComponent(rawName);
    if (name === undefined) {
      throw invalidText(
        { parameter: rawName },
        `The query parameter name ${rawName} ${textProblems.percent_encoding}.`,
        'percent_encoding',
      );
    }
    const nameProblem = textProblem(name);
    if (nameProblem) {
      throw invalidText(
        { parameter: name },
        `The query parameter name ${textProblems[nameProblem]}.`,
        nameProblem,
      );
    }
    const value = decodeQueryComponent(rawValue);
    const valueProblem = value === undefined ? 'percent_encoding' : textProblem(value);
    if (valueProblem) {
      throw invalidText(
        { parameter: name },
        `The query parameter ${name} ${textProblems[valueProblem]}.`,
        valueProblem,
      );
    }
  }
}

function decodeQueryComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * The plugin: JSON and JSON:API bodies parsed by `parseJsonBody`, and an onRequest hook that checks
 * every API call's URL with `assertValidUrlText` before any other work (authentication included).
 * Register it before the routes, and before any hook that reads parameters.
 */
export const inputText = fp<{ mediaTypes: readonly string[]; isApiCall(url: string): boolean }>(
  async (app: FastifyInstance, options) => {
    const defaultParser = app.getDefaultJsonParser('error', 'error');
    const parseJson = (text: string): unknown => {
      let result: unknown;
      let failure: Error | undefined;
      // Fastify's default parser is synchronous: it calls back before it returns.
      defaultParser({} as FastifyRequest, text, (error, value) => {
        failure = error ?? undefined;
        result = value;
      });
      if (failure) throw failure;
      return result;
    };
    for (const mediaType of options.mediaTypes) {
      if (app.hasContentTypeParser(mediaType)) app.removeContentTypeParser(mediaType);
      app.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (_request, body, done) => {
        try {
          done(null, parseJsonBody(body as Buffer, parseJson));
        } catch (error) {
          done(error as Error, undefined);
        }
      });
    }
    app.addHook('onRequest', (request, _reply, done) => {
      if (!options.isApiCall(request.url)) return done();
      try {
        assertValidUrlText(request);
      } catch (error) {
        return done(error as Error);
      }
      done();
    });
  },
  { name: 'atrium-input-text' },
);
