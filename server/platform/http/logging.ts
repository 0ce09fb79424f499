import type { FastifyRequest } from 'fastify';

/**
 * Pino options: secrets never reach a log line. Headers that carry credentials are redacted, and
 * URLs are logged without their query values (the only place a misplaced token could hide).
 */
export function loggerOptions(level: string) {
  return {
    level,
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
