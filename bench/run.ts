import type { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type ServerProcess, sampleRss, startServer } from './lib/child';
import { followReads } from './lib/follow-reads';
import type { BenchRequest, DatabaseLabel, Scenario, ScenarioContext, Targets } from './lib/types';

/**
 * `npm run bench`: a bare Fastify hello-world server and the real app, each in its own process,
 * driven in the same run by autocannon (50 connections, a warm-up, then a measured run). Prints
 * requests/s, p50/p99 latency, peak server RSS and each ratio to the bare server, checks each
 * scenario's targets, and writes reports/bench.json.
 *
 *   npm run bench -- --duration 10 --warmup 2 --only userprofile --strict
 *   npm run bench -- --only "userprofile|PATCH"     (names containing either)
 */
const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    /** Exit 1 when a target is missed. */
    strict: { type: 'boolean', default: false },
  },
});
/** The app's database: DATABASE_URL=postgres://… runs the scenarios on PostgreSQL (a schema of its own). */
const databaseLabel: DatabaseLabel = process.env.DATABASE_URL?.startsWith('postgres')
  ? 'PostgreSQL'
  : 'SQLite';
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const defaultConnections = Number(options.connections);

type Measurement = {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * The p99 in milliseconds to the microsecond, from the response times autocannon reports for
   * each answer (its `p99Ms` is in whole milliseconds), in a round measured with `exactP99`: what
   * a latency target against another scenario compares (`maxP99VsScenario`), where 3 against
   * 6 ms could be 3.9 against 6.0. Undefined in other measurements.
   */
  exactP99Ms?: number;
  peakRssMb: number;
  /** Server CPU time per request: steadier than req/s on a busy machine */
  cpuMicrosecondsPerRequest: number;
  total: number;
  non2xx: number;
  /** The background's requests, and its 429s when they are expected (a budget refusing) */
  backgroundTotal: number;
  backgroundRefused: number;
  /** The share of all requests the background was to send (`shareOfRequests`), if any. */
  backgroundShare?: number;
  errors: number;
  targets?: Targets;
  /** The bare server's runs taking turns with this scenario's: the ratios use them (same load). */
  nearbyBare?: { requestsPerSecond: number; p99Ms: number };
  /**
   * The scenario a latency target compares with (`maxP99VsScenario`), measured again in rounds
   * taking turns with this one's, so both saw the same stretch of machine load; or why it could
   * not be measured.
   */
  nearbyReference?: { name: string; rounds: PairedRound[] } | { name: string; problem: string };
};

/** A round of a scenario and the round of its reference scenario just before it: their exact p99s (ms). */
type PairedRound = { p99Ms: number; referenceP99Ms: number };

/** Every scenario, and those `--only` selects. */
async function loadScenarios(): Promise<{ all: Scenario[]; selected: Scenario[] }> {
  const directory = path.join(import.meta.dirname, 'scenarios');
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const module = (await import(path.join(directory, file))) as { default: Scenario };
    scenarios.push(module.default);
  }
  // `--only "a|b"`: the scenarios whose name contains any of the alternatives.
  const wanted = options.only?.split('|');
  const selected = wanted ? scenarios.filter((s) => wanted.some((part) => s.name.includes(part))) : scenarios;
  return { all: scenarios, selected };
}

function cannon(
  server: ServerProcess,
  requests: BenchRequest[],
  seconds: number,
  connections: number,
  overallRate?: number,
) {
  return autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: requests.map(({ setupRequest, ...request }) => ({
      ...request,
      // autocannon hands it the request it built from this one (the same fields, with its defaults).
      ...(setupRequest
        ? {
            setupRequest: (built: autocannon.Request) =>
              setupRequest(built as BenchRequest) as autocannon.Request,
          }
        : {}),
    })),
  });
}

/**
 * Requests sent alongside the measured ones, on connections of their own (a mixed load);
 * `refusalsExpected`: their 429s are a budget at work, counted apart from errors.
 */
type Background = {
  requests: BenchRequest[];
  connections: number;
  rate?: number;
  shareOfRequests?: number;
  refusalsExpected?: boolean;
};

async function measure(
  name: string,
  server: ServerProcess,
  requests: BenchRequest[],
  connections: number,
  targets?: Targets,
  times: MeasureTimes = { warmup, duration },
  background?: Background,
): Promise<Measurement> {
  if (times.warmup > 0) await withBackground(server, requests, connections, times.warmup, background);
  const stopSampling = sampleRss(server);
  const cpuBefore = server.cpuSeconds();
  const [result, backgroundResult, exactP99Ms] = await withBackground(
    server,
    requests,
    connections,
    times.duration,
    background,
    times.exactP99 === true,
  );
  const cpuSeconds = server.cpuSeconds() - cpuBefore;
  const peakRssMb = stopSampling();
  // CPU per request counts the background's requests too: the process served them all.
  const served = result.requests.total + (backgroundResult?.total ?? 0);
  const refused = backgroundResult?.refused ?? 0;
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ...(exactP99Ms !== undefined ? { exactP99Ms } : {}),
    peakRssMb,
    cpuMicrosecondsPerRequest: (cpuSeconds * 1e6) / Math.max(served, 1),
    total: result.requests.total,
    non2xx: result.non2xx + (backgroundResult?.non2xx ?? 0) - refused,
    errors: result.errors + (backgroundResult?.errors ?? 0),
    backgroundRefused: refused,
    backgroundTotal: backgroundResult?.total ?? 0,
    ...(background?.shareOfRequests !== undefined ? { backgroundShare: background.shareOfRequests } : {}),
    ...(targets ? { targets } : {}),
  };
}

/**
 * A background's requests: answered, those of them not 2xx (429s included), failed (connection
 * refused or reset, timed out), and the 429s expected (`refusalsExpected`).
 */
type BackgroundResult = { total: number; non2xx: number; errors: number; refused: number };

/**
 * A measurement's unmeasured lead-in and measured window, in seconds; `exactP99`: keep each
 * answer's response time for `exactP99Ms` (only the rounds a p99 target pairs: at 70,000 answers
 * a second the bare server's load generator would pay for it too).
 */
type MeasureTimes = { warmup: number; duration: number; exactP99?: boolean };

/**
 * `requests` on `connections` for `seconds`, and `background` beside them: at its rate or as fast
 * as answered (autocannon), or, with `shareOfRequests`, following the reads' responses
 * (bench/lib/follow-reads.ts). With `exact`, also the exact p99 of `requests` (ms).
 */
async function withBackground(
  server: ServerProcess,
  requests: BenchRequest[],
  connections: number,
  seconds: number,
  background: Background | undefined,
  exact = false,
): Promise<[autocannon.Result, BackgroundResult | undefined, number | undefined]> {
  // autocannon's instance is an event emitter (a `response` event for each answer, with its
  // response time in ms from process.hrtime) as well as the promise its types declare.
  const reads = cannon(server, requests, seconds, connections) as unknown as EventEmitter &
    PromiseLike<autocannon.Result>;
  const times: number[] = [];
  if (exact) {
    reads.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  }
  const exactP99 = () => (exact ? percentile(times, 99) : undefined);
  if (!background) return [await reads, undefined, exactP99()];
  const { shareOfRequests: share } = background;
  if (share !== undefined) {
    const followed = followReads(reads, server.baseUrl, background.requests, {
      share,
      connections: background.connections,
    });
    const [result, sent] = await Promise.all([reads, followed]);
    return [result, { ...sent, refused: 0 }, exactP99()];
  }
  const [result, other] = await Promise.all([
    reads,
    cannon(server, background.requests, seconds, background.connections, background.rate),
  ]);
  const refused = background.refusalsExpected ? (other.statusCodeStats?.['429']?.count ?? 0) : 0;
  const sent = { total: other.requests.total, non2xx: other.non2xx, errors: other.errors, refused };
  return [result, sent, exactP99()];
}

/** The `percent`th percentile of `values` (99 = p99; the nearest rank); NaN for none. */
function percentile(values: readonly number[], percent: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((percent * sorted.length) / 100) - 1)] as number;
}

/** Rounds of each scenario, alternating with the bare server (see main). */
const ROUNDS = 3;

/**
 * Rounds of equal length as one measurement: requests/s and CPU per request over all of them,
 * the median p50, and the worst p99 and peak RSS.
 */
function combineRounds(rounds: Measurement[]): Measurement {
  const first = rounds[0] as Measurement;
  const total = rounds.reduce((sum, round) => sum + round.total, 0);
  const middle = [...rounds].sort((a, b) => a.p50Ms - b.p50Ms)[Math.floor(rounds.length / 2)] as Measurement;
  return {
    ...first,
    requestsPerSecond: rounds.reduce((sum, round) => sum + round.requestsPerSecond, 0) / rounds.length,
    p50Ms: middle.p50Ms,
    p99Ms: Math.max(...rounds.map((round) => round.p99Ms)),
    peakRssMb: Math.max(...rounds.map((round) => round.peakRssMb)),
    cpuMicrosecondsPerRequest:
      rounds.reduce((sum, round) => sum + round.cpuMicrosecondsPerRequest * round.total, 0) /
      Math.max(total, 1),
    total,
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    backgroundTotal: rounds.reduce((sum, round) => sum + round.backgroundTotal, 0),
    backgroundRefused: rounds.reduce((sum, round) => sum + round.backgroundRefused, 0),
  };
}

/** One request outside the load, to check the scenario answers 2xx before measuring it. */
async function probe(baseUrl: string, request: BenchRequest): Promise<string | undefined> {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: new Uint8Array(Buffer.from(request.body)) } : {}),
  });
  if (response.ok) return undefined;
  const text = (await response.text()).slice(0, 200);
  return `${request.method} ${request.path} answered ${response.status} ${text}`;
}

/** Runs the scenario's setup and probe; says why it cannot run, or undefined when it can. */
async function prepare(
  scenario: Scenario,
  context: ScenarioContext,
  first: BenchRequest,
): Promise<string | undefined> {
  try {
    await scenario.setup?.(context);
  } catch (error) {
    return `setup failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return probe(context.baseUrl, first);
}

const formatNumber = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (value: number) => `${formatNumber(value * 100)}%`;

/**
 * A p99 against its reference's: the median of the rounds' ratios, each round against the
 * reference's round taken just before it (the worst rounds of the two may be far apart in time).
 * The p99s are exact (`exactP99Ms`); one under 0.1 ms counts as 0.1 ms.
 */
function pairedRatio(rounds: readonly PairedRound[]): number {
  const ratios = rounds
    .map((round) => round.p99Ms / Math.max(round.referenceP99Ms, 0.1))
    .sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
}

/** The bare runs a scenario is compared with: those that alternated with it, else the first. */
function baseline(bare: Measurement, row: Measurement): { requestsPerSecond: number; p99Ms: number } {
  return row.nearbyBare ?? bare;
}

function printTable(bare: Measurement, rows: Measurement[]): void {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'peak RSS MB',
    'CPU µs/req',
    'bare req/s nearby',
    'req/s vs bare',
    'p99 vs bare',
    'RSS vs bare',
  ];
  const lines = [bare, ...rows].map((row) => [
    row.name,
    formatNumber(row.requestsPerSecond),
    formatNumber(row.p50Ms, 1),
    formatNumber(row.p99Ms, 1),
    formatNumber(row.peakRssMb, 1),
    formatNumber(row.cpuMicrosecondsPerRequest),
    row === bare ? '—' : formatNumber(baseline(bare, row).requestsPerSecond),
    row === bare ? '—' : percent(row.requestsPerSecond / baseline(bare, row).requestsPerSecond),
    // autocannon's latencies are whole milliseconds: a bare p99 of 0 counts as 1.
    row === bare ? '—' : `${formatNumber(row.p99Ms / Math.max(baseline(bare, row).p99Ms, 1), 1)}×`,
    row === bare ? '—' : `${formatNumber(row.peakRssMb / bare.peakRssMb, 1)}×`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(`\n${render(header)}`);
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of lines) console.log(render(line));
  for (const row of rows) {
    if (row.backgroundRefused > 0) {
      console.log(
        `  · ${row.name}: the budget refused ${row.backgroundRefused} of the background's ${row.backgroundTotal} requests (429, expected)`,
      );
    }
    if (row.non2xx > 0 || row.errors > 0) {
      console.log(
        `  ! ${row.name}: ${row.non2xx} non-2xx answers, ${row.errors} connection errors of ${row.total}`,
      );
    }
  }
}

function checkTargets(bare: Measurement, rows: Measurement[]): string[] {
  const missed: string[] = [];
  for (const row of rows) {
    // The targets set for this database; a background's share is checked whatever they are.
    const applies = row.targets?.onlyOn === undefined || row.targets.onlyOn === databaseLabel;
    const targets: Targets = (applies && row.targets) || {};
    if ((!applies || !row.targets) && row.backgroundShare === undefined) continue;
    const checks: [string, boolean][] = [];
    if (targets.minShareOfBare !== undefined) {
      const share = row.requestsPerSecond / baseline(bare, row).requestsPerSecond;
      checks.push([
        `req/s ≥ ${percent(targets.minShareOfBare)} of bare (${percent(share)})`,
        share >= targets.minShareOfBare,
      ]);
    }
    if (targets.maxP99Ms !== undefined) {
      checks.push([
        `p99 < ${targets.maxP99Ms} ms (${formatNumber(row.p99Ms, 1)} ms)`,
        row.p99Ms < targets.maxP99Ms,
      ]);
    }
    if (targets.maxCpuMicrosecondsPerRequest !== undefined) {
      checks.push([
        `CPU ≤ ${targets.maxCpuMicrosecondsPerRequest} µs/req (${formatNumber(row.cpuMicrosecondsPerRequest)} µs)`,
        row.cpuMicrosecondsPerRequest <= targets.maxCpuMicrosecondsPerRequest,
      ]);
    }
    if (targets.maxP50Ms !== undefined) {
      checks.push([
        `p50 ≤ ${targets.maxP50Ms} ms (${formatNumber(row.p50Ms, 1)} ms)`,
        row.p50Ms <= targets.maxP50Ms,
      ]);
    }
    if (targets.maxP50VsScenario !== undefined) {
      const { name, ratio, plusMs } = targets.maxP50VsScenario;
      const other = rows.find((candidate) => candidate.name === name);
      // Whole milliseconds again: a p50 of 0 counts as 1.
      const base = other ? Math.max(other.p50Ms, 1) : Number.NaN;
      if (ratio !== undefined) {
        checks.push([
          `p50 ≤ ${ratio}× the p50 of "${name}" (${other ? `${formatNumber(row.p50Ms / base, 2)}×` : 'not run'})`,
          other !== undefined && row.p50Ms / base <= ratio,
        ]);
      }
      if (plusMs !== undefined) {
        checks.push([
          `p50 ≤ the p50 of "${name}" + ${plusMs} ms (${other ? `+${formatNumber(row.p50Ms - (other.p50Ms ?? 0), 1)} ms` : 'not run'})`,
          other !== undefined && row.p50Ms - other.p50Ms <= plusMs,
        ]);
      }
    }
    if (targets.maxRssMb !== undefined) {
      checks.push([
        `RSS < ${targets.maxRssMb} MB (${formatNumber(row.peakRssMb, 1)} MB)`,
        row.peakRssMb < targets.maxRssMb,
      ]);
    }
    if (targets.maxP99VsScenario !== undefined) {
      const { name, ratio } = targets.maxP99VsScenario;
      const reference = row.nearbyReference;
      let detail = 'not run';
      let measured = Number.NaN;
      if (reference && 'problem' in reference) detail = `not run: ${reference.problem}`;
      else if (reference) {
        measured = pairedRatio(reference.rounds);
        const rounds = reference.rounds.map(
          (round) => `${formatNumber(round.p99Ms, 1)} against ${formatNumber(round.referenceP99Ms, 1)} ms`,
        );
        detail = `${formatNumber(measured, 1)}×, the median of rounds taken in turns: ${rounds.join(', ')}`;
      }
      checks.push([`p99 ≤ ${ratio}× the p99 of "${name}" (${detail})`, measured <= ratio]);
    }
    if (row.backgroundShare !== undefined) {
      // A background that kept up owes less than one request when a round's reads end: it may
      // fall short of its share of the reads by one request a round, no more.
      const wanted = row.backgroundShare;
      const owed = Math.ceil((row.total * wanted) / (1 - wanted)) - ROUNDS;
      const reached = row.backgroundTotal / Math.max(row.total + row.backgroundTotal, 1);
      checks.push([
        `the background is ${percent(wanted)} of requests (${formatNumber(reached * 100, 2)}%: ${formatNumber(row.backgroundTotal)} of ${formatNumber(row.total + row.backgroundTotal)}, at least ${formatNumber(owed)} answered)`,
        row.backgroundTotal >= owed,
      ]);
    }
    checks.push([`no errors (${row.non2xx + row.errors})`, row.non2xx === 0 && row.errors === 0]);
    console.log(`\n${row.name}`);
    for (const [label, ok] of checks) {
      console.log(`  ${ok ? '✔' : '✘'} ${label}`);
      if (!ok) missed.push(`${row.name}: ${label}`);
    }
  }
  return missed;
}

/** What a scenario sends, built for one app process. */
type Load = {
  scenario: Scenario;
  requests: BenchRequest[];
  connections: number;
  background?: Background;
};

function loadOf(scenario: Scenario, context: ScenarioContext): Load {
  const { background } = scenario;
  return {
    scenario,
    requests: [scenario.requests(context)].flat(),
    connections: scenario.connections ?? defaultConnections,
    ...(background ? { background: { ...background, requests: [background.requests(context)].flat() } } : {}),
  };
}

/** One round of `load` on `server`, after `times.warmup` seconds of it unmeasured. */
function measureLoad(load: Load, server: ServerProcess, times: MeasureTimes) {
  const { scenario, requests, connections, background } = load;
  return measure(scenario.name, server, requests, connections, scenario.targets, times, background);
}

/** The scenario a latency target names, ready to run (`load`), or why it cannot run (`problem`). */
type Reference = { name: string; load: Load } | { name: string; problem: string };

/**
 * The scenario a latency target of `scenario` names (`maxP99VsScenario`), looked up in `all`
 * (every scenario: `--only` may have left it out), ready to run: its setup has run once in this
 * process (`prepared`), and it answers. Undefined when `scenario` has no such target.
 * @throws Error when the target names no scenario, or one run at other budgets (another process).
 */
async function referenceOf(
  scenario: Scenario,
  all: Scenario[],
  context: ScenarioContext,
  prepared: Set<Scenario>,
): Promise<Reference | undefined> {
  const name = scenario.targets?.maxP99VsScenario?.name;
  if (name === undefined) return undefined;
  const reference = all.find((candidate) => candidate.name === name);
  if (!reference) throw new Error(`${scenario.name}: its p99 target names no scenario "${name}"`);
  if (reference.budgets !== scenario.budgets) {
    throw new Error(`${scenario.name}: "${name}" runs at other budgets, on another app process`);
  }
  const load = loadOf(reference, context);
  const first = load.requests[0] as BenchRequest;
  const problem = prepared.has(reference)
    ? await probe(context.baseUrl, first)
    : await prepare(reference, context, first);
  prepared.add(reference);
  return problem ? { name, problem: `"${name}" cannot run (${problem})` } : { name, load };
}

/**
 * A scenario's measurement, or why it was skipped. Its rounds take turns with the bare server's
 * and, when a target compares its p99 with another scenario's, with rounds of that scenario
 * (each of the two after a second of its own load, unmeasured, so that what one leaves behind —
 * garbage to collect, a checkpoint, a vacuum — falls outside the other's measured window).
 */
async function runScenario(
  scenario: Scenario,
  all: Scenario[],
  prepared: Set<Scenario>,
  servers: { app: ServerProcess; bare: ServerProcess; bareRequests: BenchRequest[] },
): Promise<Measurement | string> {
  const { app: appServer, bare: bareServer, bareRequests } = servers;
  const fixtures = appServer.fixtures;
  if (!fixtures) throw new Error('the app process sent no fixtures');
  const context: ScenarioContext = { baseUrl: appServer.baseUrl, fixtures };
  const load = loadOf(scenario, context);
  const problem = await prepare(scenario, context, load.requests[0] as BenchRequest);
  prepared.add(scenario);
  if (problem) {
    console.log(`… ${scenario.name}: skipped (${problem})`);
    return `${scenario.name}: skipped, ${problem}`;
  }
  const reference = await referenceOf(scenario, all, context, prepared);
  const referenceLoad = reference && 'load' in reference ? reference.load : undefined;
  console.log(`… ${scenario.name}${referenceLoad ? `, in turns with "${referenceLoad.scenario.name}"` : ''}`);
  // The machine's load drifts (other work, CPU boost, a neighbour): the scenario and the bare
  // server take turns, in ROUNDS rounds of equal length, so both sides of a ratio saw the
  // same stretch of time. So does the scenario a latency target compares with: measured
  // minutes earlier, its p99 would compare two states of the machine as much as two loads.
  await cannon(bareServer, bareRequests, Math.min(warmup, 1), load.connections);
  if (referenceLoad) await cannon(appServer, referenceLoad.requests, warmup, referenceLoad.connections);
  await cannon(appServer, load.requests, warmup, load.connections);
  const seconds = Math.max(2, Math.round(duration / ROUNDS));
  const leadIn = referenceLoad ? 1 : 0;
  const bareRounds: Measurement[] = [];
  const pairedRounds: PairedRound[] = [];
  const rounds: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bareTimes = { warmup: 0, duration: seconds };
    // Rounds in pairs keep each answer's time, for the exact p99s the target compares.
    const appTimes = { warmup: leadIn, duration: seconds, exactP99: referenceLoad !== undefined };
    bareRounds.push(await measure('bare', bareServer, bareRequests, load.connections, undefined, bareTimes));
    const referenceRound = referenceLoad ? await measureLoad(referenceLoad, appServer, appTimes) : undefined;
    const measured = await measureLoad(load, appServer, appTimes);
    rounds.push(measured);
    if (referenceRound) {
      const p99 = (round: Measurement) => round.exactP99Ms ?? Number.NaN;
      pairedRounds.push({ p99Ms: p99(measured), referenceP99Ms: p99(referenceRound) });
    }
  }
  const row = combineRounds(rounds);
  const nearby = combineRounds(bareRounds);
  row.nearbyBare = { requestsPerSecond: nearby.requestsPerSecond, p99Ms: nearby.p99Ms };
  if (reference) {
    row.nearbyReference = 'problem' in reference ? reference : { name: reference.name, rounds: pairedRounds };
  }
  return row;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { all, selected: scenarios } = await loadScenarios();
  console.log(
    `Atrium bench: ${scenarios.length} scenarios on ${databaseLabel}, LOG_LEVEL=${process.env.LOG_LEVEL ?? 'silent'}, ${defaultConnections} connections, ${warmup} s warm-up + ${duration} s each (Node ${process.version})`,
  );
  // The timeline scenarios read a user's Activity of 1,000,000 items: the app seeds them before it
  // listens (bench/lib/app-setup.ts), only when one of them runs (a minute or two of inserts).
  if (scenarios.some((scenario) => scenario.name.includes('/activities'))) {
    process.env.BENCH_ACTIVITIES ??= '1000000';
  }
  // Members who write their own profiles (the mixed scenario's background), only when one runs:
  // creating them hashes ten passwords, whose memory the app's RSS would keep.
  if (scenarios.some((scenario) => scenario.background?.shareOfRequests !== undefined)) {
    process.env.BENCH_WRITERS ??= '10';
  }
  const bareServer = await startServer('bare.ts');
  // An app that fails to start must not leave the bare server running (and holding stdout open).
  let appServer = await startServer('app.ts').catch(async (error: unknown) => {
    await bareServer.stop();
    throw error;
  });
  try {
    console.log('… bare Fastify GET /');
    const bareRequests: BenchRequest[] = [{ method: 'GET', path: '/' }];
    const bare = await measure('bare Fastify GET /', bareServer, bareRequests, defaultConnections);
    const results = new Map<Scenario, Measurement | string>();
    // Scenarios whose setup ran on the current app process.
    const prepared = new Set<Scenario>();
    const servers = { app: appServer, bare: bareServer, bareRequests };
    for (const scenario of scenarios.filter((candidate) => !candidate.budgets)) {
      results.set(scenario, await runScenario(scenario, all, prepared, servers));
    }
    // Then the scenarios at the default budgets, on an app of their own started after the first
    // stops: on a reused PostgreSQL schema its API key replaces the first app's.
    const atDefaultBudgets = scenarios.filter((candidate) => candidate.budgets === 'default');
    if (atDefaultBudgets.length > 0) {
      await appServer.stop();
      appServer = await startServer('app.ts', { BENCH_BUDGETS: 'default' });
      const others = { app: appServer, bare: bareServer, bareRequests };
      const preparedThere = new Set<Scenario>();
      for (const scenario of atDefaultBudgets) {
        results.set(scenario, await runScenario(scenario, all, preparedThere, others));
      }
    }
    const ordered = scenarios.map((scenario) => results.get(scenario));
    const rows = ordered.filter((result): result is Measurement => typeof result === 'object');
    const skipped = ordered.filter((result): result is string => typeof result === 'string');
    report(started, bare, rows, skipped);
  } finally {
    await Promise.all([bareServer.stop(), appServer.stop()]);
  }
}

/** Prints the table and the targets, and writes reports/bench.json. */
function report(started: number, bare: Measurement, rows: Measurement[], skipped: string[]): void {
  printTable(bare, rows);
  for (const line of skipped) console.log(`  - ${line}`);
  const missed = checkTargets(bare, rows);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\n${missed.length === 0 ? 'All targets met' : `${missed.length} target(s) missed`} — ${seconds} s in all.`,
  );
  const reports = path.resolve('reports');
  mkdirSync(reports, { recursive: true });
  writeFileSync(
    path.join(reports, 'bench.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, database: databaseLabel, logLevel: process.env.LOG_LEVEL ?? 'silent', duration, warmup, bare, scenarios: rows, skipped, missed }, null, 2)}\n`,
  );
  if (options.strict && missed.length > 0) process.exitCode = 1;
}

await main();
