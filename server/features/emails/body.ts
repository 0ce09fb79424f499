import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/**
 * An email body's HTML, cut down to an allow-list (OWASP XSS prevention: allow-list, not
 * block-list; SECURITY.md "links only http, https, mailto, tel"). Removed: scripts, styles
 * sheets, event-handler attributes, forms and their controls, frames, objects, `javascript:` and
 * every other scheme but http/https/mailto/tel in links, and every `<img>` whose source is not a
 * `data:` picture — a remote image is a read-tracker (a "web beacon"), so it never leaves here.
 * Links get `rel="noopener noreferrer"`. The result is what is stored, shown and sent.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'strike',
    'sub',
    'sup',
    'small',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'colgroup',
    'col',
    'img',
  ],
  // Everything else, content included, is dropped for these (sanitize-html's default keeps the
  // text of unknown tags, which is right for <font> but not for a script's source).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template'],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'style'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'style', 'scope'],
    table: ['border', 'cellpadding', 'cellspacing', 'width', 'style'],
    ol: ['start', 'type'],
    '*': ['style', 'dir', 'lang'],
  },
  allowedStyles: {
    '*': {
      color: [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d\s.,%]+\)$/i, /^[a-z]+$/i],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d\s.,%]+\)$/i, /^[a-z]+$/i],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(normal|bold|bolder|lighter|[1-9]00)$/],
      'font-style': [/^(normal|italic)$/],
      'text-decoration': [/^(none|underline|line-through)$/],
      'font-size': [/^\d{1,3}(\.\d+)?(px|pt|em|rem|%)$/],
      padding: [/^[\d.\s]+(px|em)?[\d.\spxem]*$/],
      width: [/^\d{1,4}(px|%)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !/^data:image\/(png|jpeg|gif|webp);base64,/i.test(frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
};

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
