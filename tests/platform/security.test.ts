import { hash as argon2Hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/platform/hashing';
import { AppError } from '../../server/platform/http/errors';
import { createTestApp, JSONAPI } from '../helpers/app';
import { buildUser, TEST_PASSWORD } from '../helpers/factories';

const signInRequest = (login: string, password: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/api/sessions',
  headers: { 'content-type': JSONAPI, ...headers },
  payload: { data: { type: 'sessions', attributes: { login, password } } },
});

describe('behind https', () => {
  it('uses a Secure __Host- cookie and sends HSTS', async () => {
    const t = await createTestApp({ env: { PUBLIC_URL: 'https://crm.example.com' } });
    try {
      const user = await buildUser(t);
      const response = await t.app.inject(signInRequest(user.username, TEST_PASSWORD));
      expect(response.statusCode).toBe(201);
      const cookie = response.cookies.find((c) => c.name === '__Host-atrium_session');
      expect(cookie).toBeDefined();
      expect(cookie?.secure).toBe(true);
      expect(cookie?.path).toBe('/');
      expect(cookie?.domain).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      // the cookie works under its prefixed name
      const current = await t.app.inject({
        method: 'GET',
        url: '/api/sessions/current',
        headers: { cookie: `__Host-atrium_session=${cookie?.value}` },
      });
      expect(current.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('X-Forwarded-For', () => {
  it('is ignored unless the proxy is trusted', async () => {
    const t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      for (const ip of ['10.0.0.1', '10.0.0.2']) {
        expect(
          (await t.app.inject(signInRequest('nobody', 'nothing', { 'x-forwarded-for': ip }))).statusCode,
        ).toBe(401);
      }
      // a third "different" client is the same untrusted peer: limited
      const third = await t.app.inject(signInRequest('nobody', 'nothing', { 'x-forwarded-for': '10.0.0.3' }));
      expect(third.statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('names the client when the proxy is trusted', async () => {
    const t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' } });
    try {
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
        expect(
          (await t.app.inject(signInRequest('nobody', 'nothing', { 'x-forwarded-for': ip }))).statusCode,
        ).toBe(401);
      }
      const events = await t.deps.db.selectFrom('auditEvents').select('ip').execute();
      expect(events.map((e) => e.ip)).toEqual(expect.arrayContaining(['10.0.0.1', '10.0.0.4']));
    } finally {
      await t.close();
    }
  });
});

describe('the per-IP API budget', () => {
  it('answers 429 with Retry-After when spent', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        const allowed = await t.app.inject({ method: 'GET', url: '/api/sessions' });
        expect(allowed.statusCode).toBe(401);
        // The per-IP budget is not announced while it lasts (an API key's own budget is).
        expect(allowed.headers['x-ratelimit-remaining']).toBeUndefined();
      }
      const limited = await t.app.inject({ method: 'GET', url: '/api/sessions' });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-ratelimit-limit']).toBe('3');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(limited.json().errors[0].code).toBe('rate_limited');
      // health checks are not API calls
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP minimum and verifies', async () => {
    const hasher = createPasswordHasher({ concurrency: 2 });
    const hash = await hasher.hash('a password with spaces 🙂');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'a password with spaces 🙂')).toBe(true);
    expect(await hasher.verify(hash, 'a password with spaces 🙂 ')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    expect(await hasher.verifyAgainstDummy('anything')).toBe(false);
  });

  it('hashes and compares the NFKC form, and still matches a hash made from the text as typed', async () => {
    const hasher = createPasswordHasher({ concurrency: 2 });
    const nfc = 'Crème-Brûlée-Façade-Noël'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    const hash = await hasher.hash(nfd);
    expect(await hasher.match(hash, nfc)).toBe('match');
    expect(await hasher.match(hash, nfd)).toBe('match');
    // A hash of the raw NFD text (made before normalization): matched as typed, flagged for rehash.
    const legacy = await argon2Hash(nfd);
    expect(await hasher.match(legacy, nfd)).toBe('match_unnormalized');
    expect(await hasher.match(legacy, `${nfd}x`)).toBe('no_match');
    expect(await hasher.verify(legacy, nfd)).toBe(true);
  });

  it('bounds the work: past the queue, requests are refused with 503 and Retry-After', async () => {
    const hasher = createPasswordHasher({ concurrency: 1, maxQueue: 2 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => hasher.hash('some password')));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(3);
    const error = (refused[0] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(503);
    expect(error.headers['retry-after']).toBe('1');
  });

  it('keeps the event loop free while hashing', async () => {
    const hasher = createPasswordHasher({ concurrency: 2 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all([
      hasher.hash('one password'),
      hasher.hash('two password'),
      hasher.hash('three password'),
    ]);
    clearInterval(timer);
    // argon2 runs on the thread pool: the loop kept turning during ~3 hashes
    expect(ticks).toBeGreaterThan(5);
  });
});
