import { type CompiledWords, type Messages, textDirectionOf } from './messages/index';

/**
 * What a system email says, independent of its format. Every template builds one of these and
 * `renderLayout` turns it into the plain-text and HTML parts, escaping in exactly one place.
 */
export type EmailContent = {
  subject: string;
  heading: string;
  greeting?: string;
  paragraphs: string[];
  /**
   * A secret shown on its own line, set apart (a new password). Marked (`data-secret`, and the only
   * indented line of the text part) so `redactSecrets` can hide it from the outbox page.
   */
  secret?: string;
  action?: { label: string; url: string };
  /** Paragraphs after the button. */
  after?: string[];
};

const SECRET_INDENT = '    ';

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /** The language of the text (a catalog's tag): the message's `Content-Language`. */
  language: string;
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

export function renderLayout(
  content: EmailContent,
  messages: CompiledWords<Messages>,
  lang: string,
): RenderedEmail {
  return {
    subject: content.subject,
    text: renderText(content, messages),
    html: renderHtml(content, messages, lang),
    language: lang,
  };
}

function renderText(content: EmailContent, messages: CompiledWords<Messages>): string {
  const blocks: string[] = [content.heading];
  if (content.greeting) blocks.push(content.greeting);
  blocks.push(...content.paragraphs);
  if (content.secret !== undefined) blocks.push(`${SECRET_INDENT}${content.secret}`);
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(...(content.after ?? []));
  blocks.push(`-- \n${messages.footer()}`);
  return `${blocks.join('\n\n')}\n`;
}

// Plain, accessible HTML: one column, real text (no images), a lang attribute, a heading, a
// link that reads as what it does, and contrast that passes WCAG AA.
function renderHtml(content: EmailContent, messages: CompiledWords<Messages>, lang: string): string {
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const parts: string[] = [];
  parts.push(`<h1 style="font-size:22px;margin:0 0 16px;color:#1a1a1a">${escapeHtml(content.heading)}</h1>`);
  if (content.greeting) parts.push(p(content.greeting));
  for (const paragraph of content.paragraphs) parts.push(p(paragraph));
  if (content.secret !== undefined) {
    parts.push(
      `<p data-secret style="margin:0 0 16px;padding:12px;background:#f1f3f5;font-family:monospace;font-size:16px">${escapeHtml(content.secret)}</p>`,
    );
  }
  if (content.action) {
    const url = escapeHtml(content.action.url);
    parts.push(
      `<p style="margin:24px 0"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#1864ab;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="margin:0 0 16px;font-size:14px;color:#495057">${escapeHtml(messages.linkFallback())}<br><a href="${url}" style="color:#1864ab;word-break:break-all">${url}</a></p>`,
    );
  }
  for (const paragraph of content.after ?? []) parts.push(p(paragraph));
  return [
    '<!DOCTYPE html>',
    textDirectionOf(lang) === 'rtl'
      ? `<html lang="${escapeHtml(lang)}" dir="rtl">`
      : `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    // dir on the article too: many mail clients drop the <html> element of a message.
    `<div role="article" aria-roledescription="email"${textDirectionOf(lang) === 'rtl' ? ' dir="rtl"' : ''} style="max-width:600px;margin:0 auto;padding:24px">`,
    `<p style="margin:0 0 24px;font-size:18px;font-weight:bold;color:#1864ab">${escapeHtml(messages.productName())}</p>`,
    ...parts,
    `<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0"><p style="margin:0;font-size:13px;color:#495057">${escapeHtml(messages.footer())}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const HIDDEN = '[hidden]';

/**
 * The bodies as the outbox page may show them: link tokens (`#token=…`) and secrets set apart by
 * the layout are replaced by "[hidden]" (SECURITY.md: no token or password in an API response).
 */
export function redactSecrets(body: string, format: 'text' | 'html'): string {
  let result = body.replace(/#token=[^\s"'<>&]*/g, `#token=${HIDDEN}`);
  if (format === 'html') {
    result = result.replace(/(<p data-secret[^>]*>)[^<]*(<\/p>)/g, `$1${HIDDEN}$2`);
  } else {
    result = result.replace(new RegExp(`^${SECRET_INDENT}\\S.*$`, 'gm'), `${SECRET_INDENT}${HIDDEN}`);
  }
  return result;
}
