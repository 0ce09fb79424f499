import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a rich-text description may keep (event and task descriptions, issue 14): text
 * formatting, lists, links and tables; no scripts, styles, images, forms or event handlers. Links
 * only `http`, `https`, `mailto`, `tel` (SECURITY.md "Input, output"), and they open without
 * handing the opener or a Referer to the target.
 */
const options: sanitizeHtml.IOptions = {
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
    'blockquote',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/** Sanitized rich text, or null when nothing visible is left (`<p></p>`, whitespace). */
export function sanitizeRichText(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  const clean = sanitizeHtml(html, options).trim();
  const visible = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).trim();
  return visible === '' ? null : clean;
}

/** The text of sanitized rich text (for plain-text mail and iCalendar DESCRIPTION). */
export function richTextToPlain(html: string | null): string {
  if (!html) return '';
  const withBreaks = html.replace(/<\/(p|div|li|h[1-4]|tr)>|<br\s*\/?>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
