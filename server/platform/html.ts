import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a person may keep in an email signature: paragraphs, line breaks, emphasis, lists,
 * quotes and links to `http`, `https`, `mailto` and `tel` (SECURITY.md, "links only http, https,
 * mailto, tel"). Everything else — scripts, styles, event handlers, iframes, images, forms — is
 * removed with its content where it is executable, or unwrapped to its text otherwise.
 */
const signaturePolicy: sanitizeHtml.IOptions = {
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
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
};

/** An HTML fragment reduced to the tags and link schemes a signature may hold; `''` stays `''`. */
export function sanitizeSignature(html: string): string {
  return sanitizeHtml(html, signaturePolicy).trim();
}
