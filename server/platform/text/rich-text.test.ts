import { describe, expect, it } from 'vitest';
import { richTextToPlain, sanitizeRichText } from './rich-text';

describe('rich text', () => {
  it('keeps formatting and safe links, drops scripts, handlers and unsafe schemes', () => {
    expect(sanitizeRichText('<p onclick="x()">Hi <b>there</b><script>alert(1)</script></p>')).toBe(
      '<p>Hi <b>there</b></p>',
    );
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(sanitizeRichText('<a href="https://example.com">x</a><img src=x onerror=alert(1)>')).toBe(
      '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('answers null for nothing visible and plain text for mail', () => {
    expect(sanitizeRichText('<p> </p>')).toBeNull();
    expect(sanitizeRichText(null)).toBeNull();
    expect(richTextToPlain('<p>One &amp; two</p><p>Three</p>')).toBe('One & two\nThree');
  });
});
