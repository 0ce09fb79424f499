import type { FastifyReply } from 'fastify';
import type { Clock } from '../clock';
import { AppError } from './errors';

/** What one request left of a budget. */
export type BudgetState = {
  limit: number;
  remaining: number;
  /** Seconds until the window starts over (≥ 1). */
  resetSeconds: number;
  isExceeded: boolean;
};

type Window = { count: number; resetAt: number };

/** Windows that ended are swept at most this often, so idle callers do not pile up. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A fixed-window request budget in this process's memory: the per-IP and per-API-key budgets of
 * the API (DESIGN §1 keeps the counters that matter for security — sign-ins, resets, token
 * guesses — in the database: see platform/rate-limit.ts). One Map lookup and no promise per
 * request; @fastify/rate-limit, which it replaces, cost a quarter of a cached API read's CPU with
 * its awaited store, LRU and hook chain.
 */
export class RequestBudget {
  readonly #windows = new Map<string, Window>();
  #nextSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** How many callers have an open window (a bound on memory). */
  get trackedKeys(): number {
    return this.#windows.size;
  }

  /** Spends one request of `key`'s budget. */
  spend(key: string): BudgetState {
    const now = this.clock.now().getTime();
    if (now >= this.#nextSweep) this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
      isExceeded: window.count > this.limit,
    };
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) {
      if (window.resetAt <= now) this.#windows.delete(key);
    }
    this.#nextSweep = now + SWEEP_EVERY_MS;
  }
}

/** `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds) of a budget on a reply. */
export function announceBudget(reply: FastifyReply, state: BudgetState): void {
  reply.header('x-ratelimit-limit', state.limit);
  reply.header('x-ratelimit-remaining', state.remaining);
  reply.header('x-ratelimit-reset', state.resetSeconds);
}

/** The 429 of a spent budget, with its headers and Retry-After. */
export function budgetExceeded(state: BudgetState, detail: string): AppError {
  return new AppError('rate_limited', 'rate_limited', detail, {
    headers: {
      'retry-after': String(state.resetSeconds),
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(state.resetSeconds),
    },
    meta: { retryAfterSeconds: state.resetSeconds },
  });
}

/**
 * Whether a request asks for list work whose cost grows with the data rather than with the page
 * (README "Lists at scale"): a `contains` filter (a trigram index narrows it, but short or common
 * substrings still read many rows), the total count of a filtered list (a pass over every match),
 * or `page[number]` past the first (OFFSET reads and discards every row before the page). First
 * pages and cursor pages of any sort read only the rows they return and are not costly.
 *
 * `query` is Fastify's parsed query string (bracketed keys arrive literally, e.g.
 * `'filter[name][contains]'`); `includeHeader` is the request's `X-Include` header.
 */
export function isCostlyListRequest(
  method: string,
  query: unknown,
  includeHeader: string | string[] | undefined,
): boolean {
  if (method !== 'GET' || typeof query !== 'object' || query === null) return false;
  let filtered = false;
  for (const [parameter, value] of Object.entries(query)) {
    if (parameter.startsWith('filter[')) {
      if (parameter.endsWith('[contains]')) return true;
      filtered = true;
    } else if (parameter === 'page[number]' && value !== '1') {
      return true;
    }
  }
  if (!filtered || includeHeader === undefined) return false;
  const values = Array.isArray(includeHeader) ? includeHeader : [includeHeader];
  return values.some((header) => /(^|,)\s*totalCount\s*(,|$)/.test(header));
}
