import { convert } from 'html-to-text';

import { sanitizeEmailHtml } from '../../platform/text/rich-text';

export { sanitizeEmailHtml };

/**
 * The plain-text alternative of an HTML body (RFC 2046 multipart/alternative): links written as
 * `text [url]`, lines wrapped at 78 characters (RFC 5322 §2.1.1's recommendation), pictures left out.
 */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim();
}

/** A plain-text body as HTML: escaped, paragraphs on blank lines, line breaks kept. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type EmailBodyInput = { type: 'html' | 'text'; content: string };

/**
 * The body as stored and sent: the HTML part (sanitized) and the text part. A signature (HTML,
 * sanitized too) is appended after the usual "-- " separator line (RFC 3676 §4.3), in both parts.
 */
export function composeEmailBody(body: EmailBodyInput, signature: string): { html: string; text: string } {
  const signatureHtml = signature.trim() ? sanitizeEmailHtml(signature) : '';
  const signatureText = signatureHtml ? htmlToPlainText(signatureHtml) : '';
  if (body.type === 'text') {
    const content = body.content.replace(/\r\n?/g, '\n').trimEnd();
    const text = signatureText ? `${content}\n\n-- \n${signatureText}` : content;
    const html = signatureHtml
      ? `${plainTextToHtml(content)}\n<p>-- </p>\n<div class="signature">${signatureHtml}</div>`
      : plainTextToHtml(content);
    return { html, text };
  }
  const content = sanitizeEmailHtml(body.content);
  const html = signatureHtml
    ? `${content}\n<p>-- </p>\n<div class="signature">${signatureHtml}</div>`
    : content;
  return { html, text: htmlToPlainText(html) };
}
