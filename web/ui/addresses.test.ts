import { describe, expect, it } from 'vitest';
import { addressOf, namedAddress } from './addresses';

describe('recipient addresses', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['  ada@example.com ', 'ada@example.com'],
    ['Ada Lovelace <ada@example.com>', 'ada@example.com'],
    ['<ada@example.com>', 'ada@example.com'],
  ])('reads %j as %s', (text, address) => {
    expect(addressOf(text)).toBe(address);
  });

  it.each([
    '',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'Ada <ada@example.com',
    'a b@example.com',
    'Ada\r\nBcc: x@y.z <ada@example.com>',
  ])('refuses %j', (text) => {
    expect(addressOf(text)).toBeUndefined();
  });

  it('names an address without characters that would break the header', () => {
    expect(namedAddress('Ada Lovelace', 'ada@example.com')).toBe('Ada Lovelace <ada@example.com>');
    expect(namedAddress('Ada <x@y.z>\r\n', 'ada@example.com')).toBe('Ada x@y.z <ada@example.com>');
    expect(namedAddress('  ', 'ada@example.com')).toBe('ada@example.com');
  });
});
