import sanitizeHtml from 'sanitize-html';

/**
 * One module for every piece of user-authored HTML (SECURITY.md "Input, output": allow-list, not
 * block-list; links only http, https, mailto, tel), with three profiles of one policy: rich text
 * (event and task descriptions), a signature (the rich-text tags, links kept as written) and an
 * email body (rich text plus tables' layout attributes, inline styles and `data:` pictures).
 */
const executableTags = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'title',
  'head',
  'template',
  'iframe',
  'object',
];

/** The tags every profile keeps: text formatting, lists, links, headings and tables. */
const richTextTags = [
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
];

/**
 * The HTML a rich-text description may keep (event and task descriptions, issue 14): text
 * formatting, lists, links and tables; no scripts, styles, images, forms or event handlers. Links
 * only `http`, `https`, `mailto`, `tel` (SECURITY.md "Input, output"), and they open without
 * handing the opener or a Referer to the target.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: richTextTags,
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: executableTags,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/**
 * An email signature: the rich-text profile with links kept as written (the signature is
 * sanitized again, as part of the body, when an email is sent). `''` stays `''`.
 */
export function sanitizeSignature(html: string): string {
  return sanitizeHtml(html, {
    ...options,
    allowedAttributes: { a: ['href', 'title'] },
    transformTags: {},
  }).trim();
}

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

/**
 * An email body's HTML, cut down to an allow-list (OWASP XSS prevention: allow-list, not
 * block-list; SECURITY.md "links only http, https, mailto, tel"). Removed: scripts, styles
 * sheets, event-handler attributes, forms and their controls, frames, objects, `javascript:` and
 * every other scheme but http/https/mailto/tel in links, `srcset`, CSS `url()`, and every `<img>`
 * that is neither a `data:` picture nor an `http(s)` one, plus read-trackers ("web beacons":
 * pictures 2 pixels or less wide or high, or hidden). A remote picture that stays is sent as
 * written (the recipient's mail program decides whether to load it) and shown in the Activity
 * only once the viewer allows it (web/features/activities/email-body-frame.tsx: its CSP and its
 * `src` held back). Links get `rel="noopener noreferrer"`. The result is what is stored, shown
 * and sent.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  // The rich-text tags, and what mail layouts use besides (tables' parts, small print, pictures).
  allowedTags: [...richTextTags, 'small', 'h5', 'h6', 'tfoot', 'caption', 'colgroup', 'col', 'img'],
  // Everything else, content included, is dropped for these (sanitize-html's default keeps the
  // text of unknown tags, which is right for <font> but not for a script's source).
  nonTextTags: executableTags,
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
  allowedSchemesByTag: { img: ['data', 'http', 'https'] },
  allowProtocolRelative: false,
  // Decided on the attributes as written (transformTags runs before the attribute allow-list,
  // which would drop a `display:none`), then an `<img>` left without `src` is dropped.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: isKeptPicture(attribs) ? attribs : {} }),
  },
};

/** A `data:` picture, or an `http(s)` one that is not a tracking pixel. */
function isKeptPicture(attributes: Record<string, string | undefined>): boolean {
  const src = attributes.src ?? '';
  if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(src)) return true;
  if (!/^https?:\/\/[^/\s]/i.test(src)) return false;
  return !isTrackingPixel(attributes);
}

/** At most 2 × 2 pixels (by attribute or style), or hidden: a picture meant to be loaded, not seen. */
function isTrackingPixel(attributes: Record<string, string | undefined>): boolean {
  const tiny = (value: string | undefined) =>
    value !== undefined && /^\s*[0-2](\.\d+)?\s*(px)?\s*$/i.test(value);
  if (tiny(attributes.width) || tiny(attributes.height)) return true;
  const style = (attributes.style ?? '').toLowerCase();
  if (/(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(\.0+)?\s*(;|$))/.test(style))
    return true;
  return /(^|;)\s*(width|height|max-width|max-height)\s*:\s*[0-2](\.\d+)?\s*(px)?\s*(;|$)/.test(style);
}
