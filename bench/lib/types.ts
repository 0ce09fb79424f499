import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the real app's bench process seeds before it listens (bench/servers/app.ts): the first
 * administrator, signed in once (a session cookie and its CSRF token) and with an API key, and
 * other members of the organization with API keys of their own (`writers`).
 */
export type Fixtures = {
  userId: string;
  organizationId: string;
  username: string;
  password: string;
  /** `atrium_session=…`, for the Cookie header */
  cookie: string;
  csrfToken: string;
  apiKey: string;
  /**
   * Members who each change their own profile in the mixed scenario (70-mixed-read-write.ts), as
   * integrations of several people would, each with an API key: BENCH_WRITERS of them, which
   * bench/run.ts sets to ten when a scenario with `shareOfRequests` runs; none otherwise.
   */
  writers: { userId: string; apiKey: string }[];
};

export type BenchRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  headers?: IncomingHttpHeaders;
  body?: string | Buffer;
  /**
   * Called before each send with the request as built so far (autocannon's `setupRequest`; also
   * bench/cpu-per-request.ts): the request to send this time, for one that must differ each time
   * (a write that changes the row). Keep the fields it is given.
   */
  setupRequest?: (request: BenchRequest) => BenchRequest;
};

/** The database the app runs on, as the bench's header and reports/bench.json name it. */
export type DatabaseLabel = 'SQLite' | 'PostgreSQL';

export type Targets = {
  /** The database the targets are set for; on the other one the figures are only reported. */
  onlyOn?: DatabaseLabel;
  /** Minimum requests/s as a share of the bare Fastify server's (0.35 = 35%) */
  minShareOfBare?: number;
  /** Maximum p99 latency in milliseconds */
  maxP99Ms?: number;
  /** Maximum CPU time of the server process per request, in microseconds (all its threads) */
  maxCpuMicrosecondsPerRequest?: number;
  /** Maximum peak resident memory of the server process in MB */
  maxRssMb?: number;
  /** Maximum p50 latency in milliseconds */
  maxP50Ms?: number;
  /**
   * Maximum p50 against another scenario's p50 in the same run (by name): at most `ratio` times
   * it, and/or at most `plusMs` more than it.
   */
  maxP50VsScenario?: { name: string; ratio?: number; plusMs?: number };
  /**
   * Maximum p99 as a multiple of another scenario's p99 (by name): the median of the rounds'
   * ratios, that scenario measured again in rounds taking turns with this one's (bench/run.ts
   * `runScenario`), each p99 exact (`exactP99Ms`, from every answer's response time; one under
   * 0.1 ms counts as 0.1 ms)
   */
  maxP99VsScenario?: { name: string; ratio: number };
};

export type ScenarioContext = { baseUrl: string; fixtures: Fixtures };

/**
 * One benchmark scenario: one file in bench/scenarios/ with a default export, run in file-name
 * order (`10-healthz.ts`, `20-…`). To add one, copy a file and change it; nothing to register.
 * The scenario is skipped (and says why) when its first request does not answer 2xx — e.g. while
 * its route does not exist yet.
 */
export type Scenario = {
  name: string;
  /** Prepare data over HTTP before the run (upload an avatar …); may add request details. */
  setup?: (context: ScenarioContext) => Promise<void>;
  /** The request each connection repeats (a list is sent in turn). */
  requests: (context: ScenarioContext) => BenchRequest | BenchRequest[];
  targets?: Targets;
  /** Default 50 */
  connections?: number;
  /**
   * `default`: run against a second app process that keeps Atrium's default per-key and
   * costly-request budgets (bench/lib/app-setup.ts; the per-IP budget stays lifted, as every
   * caller of the bench shares 127.0.0.1). Other scenarios run with the budgets lifted.
   */
  budgets?: 'default';
  /**
   * Other requests sent at the same time on connections of their own (a mixed load): the figures
   * reported are those of `requests` only, measured while these run.
   */
  background?: {
    requests: (context: ScenarioContext) => BenchRequest | BenchRequest[];
    connections: number;
    /** Requests a second across the background's connections (default: as fast as answered) */
    rate?: number;
    /**
     * The share of all requests the background sends (0.1 = 10 %): one of its requests for each
     * (1 − share) / share responses to the scenario's (one for each nine reads at 10 %), on its
     * connections, whatever the server does with them: a load as it arrives, not one that waits
     * for the server (bench/lib/follow-reads.ts). The share reached is checked. Give it
     * connections enough that its requests need not wait for a free one. With it, `rate` and
     * `refusalsExpected` are not used (every answer but a 2xx is an error).
     */
    shareOfRequests?: number;
    /** Its 429 answers are a budget refusing as it should: reported, not counted as errors. */
    refusalsExpected?: boolean;
  };
};
