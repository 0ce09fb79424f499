import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key format: `atr_` + 27 base62 characters of a 160-bit random secret + 6 base62 characters
 * of its CRC32. The prefix lets secret scanners recognise a leaked key; the checksum lets the
 * server refuse a mistyped or forged key before any database lookup.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 27;
const CHECKSUM_LENGTH = 6;
const KEY_MARK = 'atr_';
const KEY_PATTERN = /^atr_([0-9A-Za-z]{27})([0-9A-Za-z]{6})$/;
/**
 * `atr_` + 4 secret characters. The prefix is stored and shown in the clear, so it must not eat into
 * the secret: 4 characters reveal ≈ 23 of its 160 bits, leaving ≈ 137 unknown (≥ 128, SECURITY.md).
 */
export const API_KEY_PREFIX_LENGTH = 8;

function toBase62(value: bigint, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0n) {
    out = BASE62[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out.padStart(width, '0');
}

/** The CRC32 in base62; plain number arithmetic (a CRC32 fits in 32 bits): every request checks one. */
function checksum(secret: string): string {
  let rest = crc32(`atr_${secret}`);
  let out = '';
  for (let index = 0; index < CHECKSUM_LENGTH; index++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

export function generateApiKey(): string {
  const secret = toBase62(BigInt(`0x${randomBytes(20).toString('hex')}`), SECRET_LENGTH);
  return `atr_${secret}${checksum(secret)}`;
}

/**
 * True when a value starts as an API key does, well formed or not: what the authentication hook
 * refuses in a query string (a key travels only in the Authorization header).
 */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_MARK);
}

/** True when the key has the format and a matching checksum. */
export function isWellFormedApiKey(key: string): boolean {
  const match = KEY_PATTERN.exec(key);
  return match !== null && checksum(match[1] as string) === match[2];
}

/** What is kept and shown for recognition: `atr_` and the first four secret characters. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX_LENGTH);
}
