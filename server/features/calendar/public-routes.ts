import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps';
import { RequestBudget } from '../../platform/http/request-budget';
import { escapeHtml } from '../../platform/mail/templates/layout';
import {
  type AnswerPage,
  answerByToken,
  answerStatuses,
  answerStatusLabels,
  findAnswerPage,
  isAnswerStatus,
} from './answers';
import { feedCalendar, findFeedByToken } from './feed';
import { formatEventWhen } from './invitations';

/**
 * The two calendar pages outside /api (issue 14, items 2 and 4): a token in the path is their
 * only credential, so they work without a session and never read one.
 *
 * - `GET /calendar-feeds/<token>.ics`: a private feed (feed.ts), `text/calendar`, read-only.
 * - `GET /calendar-answers/<token>`: an invited guest's answer page — the event and three buttons;
 *   `POST` (a plain form, no script) records the answer. GET never changes anything (mail
 *   scanners and link previews follow links); a POST from another origin is refused (its
 *   `Origin`), and no cookie is involved, so another site cannot answer for a guest without the
 *   token. Both pages: `no-store`, `Referrer-Policy: same-origin` (the token is in the URL), not indexed.
 *
 * A wrong, revoked, replaced or expired token is 404 with the same answer, after the same work
 * (one lookup by the token's SHA-256 digest: see `findFeedByToken`, `findAnswerPage`).
 * Requests are counted per IP address like the API's (`RATE_LIMIT_PER_MINUTE`).
 */
export async function calendarPublicRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const budget = new RequestBudget(deps.config.rateLimitPerMinute, 60_000, deps.clock);
  const publicOrigin = new URL(deps.config.publicUrl).origin;

  app.addHook('onRequest', async (request, reply) => {
    reply
      .header('cache-control', 'no-store')
      // Same-origin only: the token in the URL never leaves for another site, and the answer
      // form's POST carries its real Origin (with no-referrer browsers send `Origin: null`).
      .header('referrer-policy', 'same-origin')
      .header('x-robots-tag', 'noindex, nofollow');
    const state = budget.spend(request.ip);
    if (state.isExceeded) {
      return reply
        .status(429)
        .header('retry-after', String(state.resetSeconds))
        .type('text/plain; charset=utf-8')
        .send('Too many requests. Try again later.\n');
    }
  });
  // The answer form posts `answer=<status>` (application/x-www-form-urlencoded, a few bytes).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.get<{ Params: { file: string } }>(
    '/calendar-feeds/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const token = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
      const feed = await findFeedByToken(deps.db, token);
      if (!feed) return reply.status(404).type('text/plain; charset=utf-8').send('Not found.\n');
      const text = await feedCalendar(deps.db, feed, deps.clock.now().toISOString());
      const etag = `"${createHash('sha256')
        .update(text.replace(/^DTSTAMP:.*\r\n/gm, ''))
        .digest('base64url')
        .slice(0, 27)}"`;
      // Calendar applications poll: they may keep it 15 minutes and revalidate with the ETag.
      reply
        .header('cache-control', 'private, max-age=900')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline; filename="calendar.ics"');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('text/calendar; charset=utf-8').send(text);
    },
  );

  const notFoundPage = (reply: FastifyReply) =>
    sendPage(
      reply.status(404),
      'Link not valid',
      '<h1>This link does not answer any more</h1><p>The event may have ended or been cancelled, or a newer invitation replaced this one: use the link in the latest invitation.</p>',
    );

  app.get<{ Params: { token: string } }>(
    '/calendar-answers/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await findAnswerPage(deps.db, request.params.token, deps.clock.now().toISOString());
      return page ? sendPage(reply, page.event.title, answerPage(page)) : notFoundPage(reply);
    },
  );

  app.post<{ Params: { token: string }; Body: Record<string, string> | undefined }>(
    '/calendar-answers/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!isSameOrigin(request, publicOrigin)) {
        return sendPage(reply.status(403), 'Refused', '<h1>This answer came from another site</h1>');
      }
      const answer = request.body?.answer;
      if (!isAnswerStatus(answer)) {
        return sendPage(
          reply.status(400),
          'Choose an answer',
          '<h1>Choose Accept, Tentative or Decline</h1>',
        );
      }
      const page = await answerByToken(deps, request.params.token, answer);
      return page ? sendPage(reply, page.event.title, answerPage(page, true)) : notFoundPage(reply);
    },
  );
}

/** A POST is same-origin when its `Origin` (or, without one, `Referer`) is the public or the request's own origin. */
function isSameOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const own = `${request.protocol}://${request.host}`;
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === publicOrigin || origin === own;
  const referer = request.headers.referer;
  if (referer === undefined) return true; // not a browser form: the token decides
  try {
    const from = new URL(referer).origin;
    return from === publicOrigin || from === own;
  } catch {
    return false;
  }
}

const buttonLabels = { accepted: 'Accept', tentative: 'Tentative', declined: 'Decline' } as const;

function answerPage(page: AnswerPage, justAnswered = false): string {
  const { event, attendee } = page;
  const when = formatEventWhen(event, 'en', event.timeZone);
  const current = answerStatusLabels[attendee.status];
  const buttons = answerStatuses
    .map(
      (status) =>
        `<button type="submit" name="answer" value="${status}"${attendee.status === status ? ' aria-pressed="true"' : ' aria-pressed="false"'}>${buttonLabels[status]}</button>`,
    )
    .join('');
  return [
    `<h1>${escapeHtml(event.title)}</h1>`,
    '<dl>',
    `<dt>When</dt><dd>${escapeHtml(when)}${event.recurrence ? ' (repeats)' : ''}</dd>`,
    `<dt>Organizer</dt><dd>${escapeHtml(page.organizerName)}</dd>`,
    `<dt>Guest</dt><dd>${escapeHtml(attendee.email)}</dd>`,
    '</dl>',
    `<p role="status">${justAnswered ? 'Thank you. ' : ''}Your answer: <strong>${escapeHtml(current)}</strong></p>`,
    `<form method="post"><fieldset><legend>Will you attend?</legend>${buttons}</fieldset></form>`,
  ].join('\n');
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1b1e;background:#f8f9fa}' +
  'main{max-width:36rem;margin:0 auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #dee2e6}' +
  'h1{font-size:1.4rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  'fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}legend{font-weight:600;margin-bottom:.5rem}' +
  'button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #1f5fa8;background:#fff;color:#1f5fa8;cursor:pointer;min-height:44px}' +
  'button[aria-pressed=true]{background:#1f5fa8;color:#fff}button:focus-visible{outline:3px solid #ef6c00;outline-offset:2px}';

function sendPage(reply: FastifyReply, title: string, body: string) {
  return reply
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" type="image/svg+xml" href="/favicon.svg"><title>${escapeHtml(title)} – Atrium</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`,
    );
}
