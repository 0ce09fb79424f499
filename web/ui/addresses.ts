/**
 * Recipient addresses as people type them in To, Cc and Bcc: `ada@example.com` or
 * `Ada Lovelace <ada@example.com>`. The browser only checks their shape so a typo shows at once;
 * the server parses them with its address library and has the last word.
 */

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;
const NAMED = /^([^<>\r\n]*)<([^<>\s]+)>$/;

/** The bare address of `Name <a@b>` or `a@b`, or undefined when it is not one. */
export function addressOf(text: string): string | undefined {
  const trimmed = text.trim();
  const named = NAMED.exec(trimmed);
  const address = named ? (named[2] ?? '') : trimmed;
  return ADDRESS.test(address) && !/[\r\n]/.test(trimmed) ? address : undefined;
}

/** `Name <address>`, quoting nothing: names with `<`, `>`, CR or LF are dropped. */
export function namedAddress(name: string, address: string): string {
  const clean = name.replace(/[<>\r\n"]/g, '').trim();
  return clean ? `${clean} <${address}>` : address;
}
