import { describe, expect, it } from 'vitest';
import { composeEmailBody, htmlToPlainText, plainTextToHtml, sanitizeEmailHtml } from './body';

describe('email body sanitizing', () => {
  it('removes scripts, event handlers, javascript: links, forms, frames and tracking pixels', () => {
    const html = sanitizeEmailHtml(
      [
        '<p onclick="steal()">Hello <b>Ada</b><script>alert(1)</script></p>',
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org/x">good</a>',
        '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object>',
        '<img src="https://tracker.example/pixel.gif?u=1" width="1" height="1">',
        '<img src="https://tracker.example/a.gif" style="display:none"><img src="http://tracker.example/b.gif" style="width:0px">',
        '<img src="https://tracker.example/c.gif" height="2px"><img src="ftp://tracker.example/d.gif">',
        '<img src="https://images.example/ok.png" srcset="https://tracker.example/e.gif 2x" width="120">',
        '<img src="//tracker.example/p.gif"><img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">',
        '<style>body{display:none}</style><p style="color:red;position:fixed">styled</p>',
        '<svg onload="alert(1)"><circle/></svg><a href="vbscript:x">v</a><a href="data:text/html,x">d</a>',
      ].join(''),
    );
    expect(html).not.toMatch(
      /script|onclick|onload|javascript:|vbscript:|<form|<input|<button|<iframe|<object|<svg|<style/i,
    );
    expect(html).not.toContain('tracker.example');
    expect(html).not.toContain('display:none');
    expect(html).not.toContain('position');
    expect(html).toContain('<b>Ada</b>');
    expect(html).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer" target="_blank">good</a>',
    );
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo" />');
    // A remote picture that is not a pixel stays (the Activity holds it back until allowed).
    expect(html).toContain('<img src="https://images.example/ok.png" width="120" />');
    expect(html).toContain('style="color:red"');
    expect(html).not.toContain('data:text/html');
  });

  it('keeps a remote picture but no CSS that could load one', () => {
    const html = sanitizeEmailHtml(
      '<p style="background-image:url(https://t.example/x.gif);color:red">a</p><img src="https://images.example/logo.png" alt="Logo">',
    );
    expect(html).toBe('<p style="color:red">a</p><img src="https://images.example/logo.png" alt="Logo" />');
  });

  it('makes a plain-text alternative with the links written out', () => {
    const text = htmlToPlainText(
      '<h1>Hi</h1><p>See <a href="https://example.org/">the site</a>.</p><ul><li>one</li></ul>',
    );
    expect(text).toContain('HI');
    expect(text).toContain('the site [https://example.org/]');
    expect(text).toContain('* one');
  });

  it('escapes a plain-text body into HTML', () => {
    expect(plainTextToHtml('a < b & "c"\nnext\n\npara')).toBe(
      '<p>a &lt; b &amp; &quot;c&quot;<br>next</p>\n<p>para</p>',
    );
  });

  it('appends the signature, sanitized, after the "-- " line in both parts', () => {
    const html = composeEmailBody(
      { type: 'html', content: '<p>Body</p>' },
      '<p>Ada <em>Lovelace</em><img src="https://t.example/x.gif"><script>x()</script></p>',
    );
    expect(html.html).toBe(
      '<p>Body</p>\n<p>-- </p>\n<div class="signature"><p>Ada <em>Lovelace</em><img src="https://t.example/x.gif" /></p></div>',
    );
    expect(html.text).toBe('Body\n\n--\n\nAda Lovelace');
    const text = composeEmailBody({ type: 'text', content: 'Line <1>\r\nLine 2\n' }, '<p>Ada</p>');
    expect(text.text).toBe('Line <1>\nLine 2\n\n-- \nAda');
    expect(text.html).toContain('<p>Line &lt;1&gt;<br>Line 2</p>');
    expect(composeEmailBody({ type: 'text', content: 'x' }, '  ').text).toBe('x');
  });
});
