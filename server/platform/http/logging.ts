import {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import pino from 'pino';
import type { RefusedRequest } from './error-handler';

/** Bytes gathered before a write to stdout, and the longest a line waits in that buffer. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 1000;

let stdoutDestination: pino.DestinationStream | undefined;

/**
 * The process's log destination: stdout written asynchronously in batches of LOG_BUFFER_BYTES
 * (pino's SonicBoom with `sync: false`), so a request does not wait for a write() system call.
 * A line waits at most LOG_FLUSH_MS, and what is buffered is written synchronously at exit.
 */
function asyncStdout(): pino.DestinationStream {
  if (!stdoutDestination) {
    const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
    setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
    process.once('exit', () => destination.flushSync());
    stdoutDestination = destination;
  }
  return stdoutDestination;
}

/**
 * Fastify's request logging in one line per request instead of two ("incoming request" and
 * "request completed"): written when the answer is sent, with the request's id, the method, the
 * URL without its query, the client address, the status and the time taken (ms).
 *
 * The line of an answered request is written by a sibling of the app's logger (same stream,
 * level and base fields) that neither redacts nor serializes: every field of it is picked here,
 * none can hold a secret, and pino's redaction of wildcard paths cost three times the rest of
 * the line (issue 17: `LOG_LEVEL=info` served 0.62× the requests of the logger-off run). A
 * request that ended in an error is logged through the request's own (redacting) logger.
 */
export class OneLinePerRequest extends LogController {
  readonly #lineLoggers = new WeakMap<FastifyBaseLogger, pino.Logger>();

  /** At `debug` only (a second line a request): `info`, the default, writes one line a request. */
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      const line = { req: request, res: reply, responseTime: reply.elapsedTime };
      reply.log.error({ ...line, err: error }, 'request errored');
      return;
    }
    const lines = this.#lineLoggerOf(request.server.log);
    if (!lines) {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      return;
    }
    lines.info(
      {
        reqId: request.id,
        req: requestFields(request),
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  }

  /**
   * The line of a request Node's HTTP parser refused before Fastify saw it (`answerClientError`:
   * headers too large, a malformed request line, a timeout): no method or URL was read, so the
   * client's address, the status answered and the error's code.
   */
  requestRefused(log: FastifyBaseLogger, refused: RefusedRequest): void {
    (this.#lineLoggerOf(log) ?? log).info(
      {
        req: { remoteAddress: refused.remoteAddress },
        res: { statusCode: refused.statusCode },
        code: refused.code,
      },
      'request refused',
    );
  }

  /**
   * The sibling of a pino logger that writes answered requests' lines: its stream, its level and
   * its base fields (pid, hostname: pino keeps them as the text of its "chindings"), without its
   * redaction and serializers; undefined for a logger that is not pino's.
   */
  #lineLoggerOf(logger: FastifyBaseLogger): pino.Logger | undefined {
    let lines = this.#lineLoggers.get(logger);
    if (!lines) {
      const own = logger as unknown as Partial<Record<symbol, unknown>>;
      const stream = own[pino.symbols.streamSym] as pino.DestinationStream | undefined;
      const chindings = own[pino.symbols.chindingsSym];
      if (!stream || typeof chindings !== 'string') return undefined;
      const base = JSON.parse(`{${chindings.slice(1)}}`) as Record<string, unknown>;
      lines = pino({ level: logger.level, base }, stream);
      this.#lineLoggers.set(logger, lines);
    }
    return lines;
  }
}

/**
 * Fastify's `childLoggerFactory`: a request's child logger is made only when something logs
 * through it at an enabled level (an error, `debug`). Answered requests log through
 * `OneLinePerRequest`'s own logger, so most requests never pay for pino's `child()`.
 */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

class LazyChildLogger {
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: pino.Bindings;
  readonly #options: pino.ChildLoggerOptions;
  #child: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: pino.Bindings, options: pino.ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  #logger(): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  /** One log call: through the child, made now unless nothing would be written at this level. */
  #write(method: LogMethod, args: unknown[]): void {
    // No level of its own (the route's `logLevel`) and none of the parent's at this level: skipped.
    if (!this.#child && this.#options.level === undefined && !isEnabled(this.#parent, method)) return;
    (this.#logger()[method] as (...values: unknown[]) => void)(...args);
  }

  get level(): string {
    return this.#child?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#logger().level = level;
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}

  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger().child(bindings, options);
  }
}

function isEnabled(logger: FastifyBaseLogger, method: LogMethod): boolean {
  const check = (logger as Partial<pino.Logger>).isLevelEnabled;
  return check ? check.call(logger, method) : true;
}

/**
 * Pino options: secrets never reach a log line. Headers that carry credentials are redacted, and
 * URLs are logged without their query, and the paths that are credentials as their route (`loggedUrl`).
 */
export function loggerOptions(level: string) {
  return {
    level,
    stream: asyncStdout(),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.key',
        '*.csrfToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: requestFields,
    },
  };
}

/** What a log line shows of a request: its method, its URL as `loggedUrl` shows it, the client's address. */
function requestFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggedUrl(request.url, request.routeOptions?.url),
    remoteAddress: request.ip,
  };
}

/**
 * A URL as a log line shows it: without its query (a value, or a name sent without one, may be a
 * credential), and for the pages whose path is a credential (calendar feeds and answer links:
 * `/calendar-feeds/<token>.ics`, `/calendar-answers/<token>`) their route's pattern instead of
 * the path.
 */
export function loggedUrl(url: string, routePattern?: string): string {
  if (routePattern !== undefined && TOKEN_IN_PATH.test(routePattern)) return routePattern;
  const index = url.indexOf('?');
  const path = index === -1 ? url : url.slice(0, index);
  // A path under those pages that no route matched (a malformed %-escape, a token too long, a
  // path one segment too deep, `//calendar-feeds/…`, other letter cases) may still hold a token:
  // it is cut after the page's name.
  const page = TOKEN_PAGE_IN_PATH.exec(path);
  if (page) return `${path.slice(0, page.index + page[0].length)}…`;
  return index === -1 ? url : `${path}?…`;
}

/** The routes whose path carries a credential (public-routes.ts of the calendar). */
const TOKEN_IN_PATH = /^\/calendar-(feeds|answers)\//;

/** Those pages' names anywhere in a path no route matched, in any letter case. */
const TOKEN_PAGE_IN_PATH = /\/calendar-(feeds|answers)\//i;
