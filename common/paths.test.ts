import { describe, expect, it } from 'vitest';
import { paths, pathTo, safeNextPath, signInPath } from './paths';

describe('safeNextPath (the sign-in page’s `next` parameter)', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/my-user')).toBe('/my-user');
    expect(safeNextPath('/users?status=active&page=2#top')).toBe('/users?status=active&page=2#top');
  });

  it.each([
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/my-user'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a tab inside the slashes (the browser drops it)', '/\t/evil.example'],
    ['a newline inside the slashes', '/\n/evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'my-user'],
  ])('refuses %s: home instead', (_name, next) => {
    expect(safeNextPath(next)).toBe(paths.home);
  });

  it('falls back to home without a value', () => {
    expect(safeNextPath(null)).toBe(paths.home);
    expect(safeNextPath(undefined)).toBe(paths.home);
    expect(safeNextPath('')).toBe(paths.home);
  });

  it('round-trips through signInPath', () => {
    const next = new URL(signInPath('/users?status=active'), 'http://atrium.test').searchParams.get('next');
    expect(safeNextPath(next)).toBe('/users?status=active');
    expect(signInPath(paths.home)).toBe(paths.signIn);
  });
});

describe('pathTo (a page with parameters)', () => {
  it('fills every parameter of the pattern, URL-encoded', () => {
    expect(pathTo(paths.user, { id: '0b1c' })).toBe('/users/0b1c');
    expect(pathTo(paths.userEdit, { id: 'a/b c' })).toBe('/users/a%2Fb%20c/edit');
    expect(pathTo(paths.outboxMessage, { id: 'm1' })).toBe('/admin/outbox/m1');
  });

  it('answers a page without parameters as it is', () => {
    expect(pathTo(paths.myUser)).toBe('/my-user');
  });

  it('defines each path once', () => {
    const all = Object.values(paths);
    expect(new Set(all).size).toBe(all.length);
  });
});
