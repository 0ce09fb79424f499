import { describe, expect, it } from 'vitest';
import { sanitizeSignature } from './rich-text';

describe('sanitizeSignature', () => {
  it('keeps text, emphasis, lists and safe links', () => {
    expect(sanitizeSignature('<p><strong>Ada</strong> Lovelace<br>Analyst</p>')).toBe(
      '<p><strong>Ada</strong> Lovelace<br />Analyst</p>',
    );
    expect(
      sanitizeSignature('<a href="https://example.com">site</a> <a href="mailto:a@example.com">mail</a>'),
    ).toBe('<a href="https://example.com">site</a> <a href="mailto:a@example.com">mail</a>');
  });

  it('removes scripts, handlers, styles and unsafe link schemes', () => {
    expect(sanitizeSignature('Ada<script>alert(1)</script>')).toBe('Ada');
    expect(sanitizeSignature('<p onclick="alert(1)" style="color:red">Ada</p>')).toBe('<p>Ada</p>');
    expect(sanitizeSignature('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeSignature('<img src=x onerror=alert(1)><iframe src="https://evil"></iframe>Ada')).toBe(
      'Ada',
    );
    expect(sanitizeSignature('<a href="//evil.example">x</a>')).toBe('<a>x</a>');
  });
});
