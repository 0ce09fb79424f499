import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps';
import { RequestBudget } from '../../platform/http/request-budget';
import { recipientLocalization } from '../../platform/mail/recipient';
import { escapeHtml } from '../../platform/mail/templates/layout';
import { textDirectionOf } from '../../platform/mail/templates/messages/index';
import { answerPageMessages } from './answer-page-messages';
import { type AnswerPage, answerByToken, answerStatuses, findAnswerPage, isAnswerStatus } from './answers';
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

  calendarFeedRoute(app, deps);

  // A page without an invitation behind it speaks the system's Language: a wrong, replaced and
  // expired link must answer alike, so the 404 cannot follow the organization a token belonged to.
  const systemWords = async () =>
    answerPageMessages(
      (await recipientLocalization(deps.db, { organizationId: undefined, userId: undefined })).language,
    );
  const notFoundPage = async (reply: FastifyReply) => {
    const { language, messages } = await systemWords();
    return sendPage(
      reply.status(404),
      language,
      messages.notFoundTitle,
      `<h1>${messages.notFoundHeading}</h1><p>${messages.notFoundText}</p>`,
    );
  };

  app.get<{ Params: { token: string } }>(
    '/calendar-answers/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await findAnswerPage(deps.db, request.params.token, deps.clock.now().toISOString());
      return page ? sendAnswerPage(reply, page) : notFoundPage(reply);
    },
  );

  app.post<{ Params: { token: string }; Body: Record<string, string> | undefined }>(
    '/calendar-answers/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!isSameOrigin(request, publicOrigin)) {
        const { language, messages } = await systemWords();
        return sendPage(
          reply.status(403),
          language,
          messages.refusedTitle,
          `<h1>${messages.refusedHeading}</h1>`,
        );
      }
      const answer = request.body?.answer;
      if (!isAnswerStatus(answer)) {
        const page = await findAnswerPage(deps.db, request.params.token, deps.clock.now().toISOString());
        const { language, messages } = page ? answerPageMessages(page.reader.language) : await systemWords();
        return sendPage(
          reply.status(400),
          language,
          messages.chooseTitle,
          `<h1>${messages.chooseHeading}</h1>`,
        );
      }
      const page = await answerByToken(deps, request.params.token, answer);
      return page ? sendAnswerPage(reply, page, true) : notFoundPage(reply);
    },
  );
}

/** `GET /calendar-feeds/<token>.ics`: the private iCalendar feed, revalidated by its ETag. */
function calendarFeedRoute(app: FastifyInstance, deps: Deps): void {
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

/** A value from the event or a person, escaped and isolated so it keeps its own direction in any sentence. */
const isolated = (value: string) => `<bdi>${escapeHtml(value)}</bdi>`;

function sendAnswerPage(reply: FastifyReply, page: AnswerPage, justAnswered = false) {
  const { event, attendee, reader } = page;
  const { language, messages } = answerPageMessages(reader.language);
  const when = formatEventWhen(event, reader.locale, reader.timeZone);
  const buttons = answerStatuses
    .map(
      (status) =>
        `<button type="submit" name="answer" value="${status}" aria-pressed="${attendee.status === status}">${messages.buttons[status]}</button>`,
    )
    .join('');
  const body = [
    `<h1>${isolated(event.title)}</h1>`,
    '<dl>',
    `<dt>${messages.when}</dt><dd>${isolated(when)}${event.recurrence ? ` ${messages.repeats}` : ''}</dd>`,
    `<dt>${messages.organizer}</dt><dd>${isolated(page.organizerName)}</dd>`,
    `<dt>${messages.guest}</dt><dd>${isolated(attendee.email)}</dd>`,
    '</dl>',
    `<p role="status">${justAnswered ? `${messages.thankYou} ` : ''}${messages.yourAnswer} <strong>${messages.statuses[attendee.status]}</strong></p>`,
    `<form method="post"><fieldset><legend>${messages.question}</legend>${buttons}</fieldset></form>`,
  ].join('\n');
  return sendPage(reply, language, event.title, body);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1b1e;background:#f8f9fa}' +
  'main{max-width:36rem;margin:0 auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #dee2e6}' +
  'h1{font-size:1.4rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem}' +
  'fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}legend{font-weight:600;margin-bottom:.5rem}' +
  'button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #1f5fa8;background:#fff;color:#1f5fa8;cursor:pointer;min-height:44px}' +
  'button[aria-pressed=true]{background:#1f5fa8;color:#fff}button:focus-visible{outline:3px solid #ef6c00;outline-offset:2px}';

/** A whole page in `language` (`lang`, and `dir="rtl"` for Arabic); `body` is HTML, `title` text. */
function sendPage(reply: FastifyReply, language: string, title: string, body: string) {
  const direction = textDirectionOf(language) === 'rtl' ? ' dir="rtl"' : '';
  return reply
    .type('text/html; charset=utf-8')
    .header('content-language', language)
    .send(
      `<!doctype html>\n<html lang="${escapeHtml(language)}"${direction}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" type="image/svg+xml" href="/favicon.svg"><title>${escapeHtml(title)} – Atrium</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`,
    );
}
