import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';

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
 * "request completed"): written when the answer is sent, with the method, the URL without query
 * values, the client address, the status and the time taken (ms).
 */
export class OneLinePerRequest extends LogController {
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
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * Pino options: secrets never reach a log line. Headers that carry credentials are redacted, and
 * URLs are logged without their query values (the only place a misplaced token could hide).
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
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactQuery(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}

export function redactQuery(url: string): string {
  const index = url.indexOf('?');
  if (index === -1) return url;
  const params = new URLSearchParams(url.slice(index + 1));
  const names = [...new Set(params.keys())].map((name) => `${name.replace(/[\r\n]/g, '')}=…`);
  return `${url.slice(0, index)}?${names.join('&')}`;
}
