import { hash, verify } from '@node-rs/argon2';
import { AppError } from './http/errors';

/**
 * Password hashing with argon2id (m = 19 MiB, t = 2, p = 1: @node-rs/argon2's defaults, OWASP's
 * minimum). The work runs on libuv's thread pool, never on the event loop, and at most
 * `concurrency` hashes run at once so that a flood of sign-ins queues up instead of starving the
 * other requests; past `maxQueue` waiting hashes the request is refused with 503 and Retry-After.
 */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
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
  return {
    hash: (password) => limit(() => hash(password)),
    verify: (passwordHash, password) =>
      limit(async () => {
        try {
          return await verify(passwordHash, password);
        } catch {
          return false;
        }
      }),
    verifyAgainstDummy: async (password) => {
      const dummy = await getDummyHash();
      await limit(() => verify(dummy, password).catch(() => false));
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
