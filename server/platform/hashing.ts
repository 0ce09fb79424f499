import { hash, verify } from '@node-rs/argon2';
import { normalizePassword } from '../../common/password-policy';
import { AppError } from './http/errors';

/**
 * How a password matched a hash: `match`; `match_unnormalized` — only the password as typed,
 * not its NFKC form, matched (a hash made before passwords were normalized: rehash it now);
 * `no_match`.
 */
export type PasswordMatch = 'match' | 'match_unnormalized' | 'no_match';

/**
 * Password hashing with argon2id (m = 19 MiB, t = 2, p = 1: @node-rs/argon2's defaults, OWASP's
 * minimum). The work runs on libuv's thread pool, never on the event loop, and at most
 * `concurrency` hashes run at once so that a flood of sign-ins queues up instead of starving the
 * other requests; past `maxQueue` waiting hashes the request is refused with 503 and Retry-After.
 *
 * Every password is Unicode-normalized (NFKC, NIST SP 800-63B §5.1.1.2) here, so whichever way it
 * entered (sign-in, change, reset, Create User, CLI, first start) an NFC and an NFD spelling of
 * the same text are one password. Hashes made before that were made from the text as typed:
 * `match` tries the normalized form first, then the text as typed (`match_unnormalized`), so
 * nobody is locked out; the caller then stores a new hash.
 */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  /** True for `match` and `match_unnormalized` (see `match`). */
  verify(passwordHash: string, password: string): Promise<boolean>;
  match(passwordHash: string, password: string): Promise<PasswordMatch>;
  /** Spends the same time as a real verification, for unknown accounts (no user enumeration). */
  verifyAgainstDummy(password: string): Promise<false>;
};

export function createPasswordHasher(options: { concurrency: number; maxQueue?: number }): PasswordHasher {
  const limit = createLimiter(options.concurrency, options.maxQueue ?? 256);
  let dummyHash: Promise<string> | undefined;
  const getDummyHash = () => {
    dummyHash ??= hash('atrium-dummy-password-for-timing');
    return dummyHash;
  };
  const verifyOne = (passwordHash: string, password: string) =>
    limit(async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    });
  const match = async (passwordHash: string, password: string): Promise<PasswordMatch> => {
    const normalized = normalizePassword(password);
    if (await verifyOne(passwordHash, normalized)) return 'match';
    if (normalized !== password && (await verifyOne(passwordHash, password))) return 'match_unnormalized';
    return 'no_match';
  };
  return {
    hash: (password) => limit(() => hash(normalizePassword(password))),
    match,
    verify: async (passwordHash, password) => (await match(passwordHash, password)) !== 'no_match',
    verifyAgainstDummy: async (password) => {
      const dummy = await getDummyHash();
      await limit(() => verify(dummy, normalizePassword(password)).catch(() => false));
      return false;
    },
  };
}

function createLimiter(concurrency: number, maxQueue: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      if (queue.length >= maxQueue) {
        throw new AppError('unavailable', 'server_busy', 'The server is busy. Try again in a moment.', {
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    running++;
    try {
      return await task();
    } finally {
      next();
    }
  };
}
