import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

/**
 * A flood of sign-ins must not starve other requests (SECURITY.md: argon2 off the event loop,
 * concurrency bounded). Starts the real server (SQLite, fresh data directory, per-IP sign-in limit
 * lifted so every request really hashes), then:
 *   1. GET /healthz and GET /readyz alone (baseline latency);
 *   2. POST /api/sessions flooded by `--flood` connections, and at the same time the same GET
 *      requests at a gentle rate, measuring their latency under the flood;
 * and prints sign-in throughput and the latencies side by side.
 *
 *   npx tsx bench/sign-in-flood.ts --duration 10 --flood 50 [--hash-concurrency 1]
 *
 * Exits 1 when the probes' p99 under the flood passes 500 ms (a starved event loop shows seconds).
 */
const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    flood: { type: 'string', default: '50' },
    port: { type: 'string', default: '3197' },
    /** HASH_CONCURRENCY of the server (default: the server's own default, 2). */
    'hash-concurrency': { type: 'string' },
  },
});
const duration = Number(options.duration);
const floodConnections = Number(options.flood);
const port = Number(options.port);
const baseUrl = `http://127.0.0.1:${port}`;
const admin = { username: 'bench-admin', password: 'bench password for the flood 2026' };

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...(options['hash-concurrency'] ? { HASH_CONCURRENCY: options['hash-concurrency'] } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not start within 60 s');
}

const signInRequest = {
  method: 'POST' as const,
  path: '/api/sessions',
  headers: { 'content-type': 'application/vnd.api+json' },
  body: JSON.stringify({
    data: { type: 'sessions', attributes: { login: admin.username, password: admin.password } },
  }),
};

/** A light, steady probe: few connections, a capped rate, so it measures latency, not capacity. */
function probe(pathname: string, seconds: number) {
  return autocannon({ url: `${baseUrl}${pathname}`, connections: 2, overallRate: 50, duration: seconds });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-flood-'));
  const server = await startServer(dataDir);
  try {
    console.log(
      `Sign-in flood: ${floodConnections} connections × ${duration} s, HASH_CONCURRENCY=${options['hash-concurrency'] ?? 'default'} (Node ${process.version})`,
    );
    // Warm-up: JIT, the database's caches, the dummy hash.
    await Promise.all([
      autocannon({ url: baseUrl, connections: 4, duration: 2, requests: [signInRequest] }),
      probe('/healthz', 2),
      probe('/readyz', 2),
    ]);
    const [healthQuiet, readyQuiet] = await Promise.all([
      probe('/healthz', duration),
      probe('/readyz', duration),
    ]);
    const [flood, healthLoaded, readyLoaded] = await Promise.all([
      autocannon({ url: baseUrl, connections: floodConnections, duration, requests: [signInRequest] }),
      probe('/healthz', duration),
      probe('/readyz', duration),
    ]);
    const rows = [
      ['GET /healthz alone', healthQuiet],
      ['GET /readyz alone', readyQuiet],
      ['GET /healthz during the flood', healthLoaded],
      ['GET /readyz during the flood', readyLoaded],
    ] as const;
    console.log(
      `\nPOST /api/sessions: ${flood.requests.average.toFixed(1)} sign-ins/s, p50 ${ms(flood.latency.p50)}, p99 ${ms(flood.latency.p99)}, ` +
        `${flood['2xx']} × 201, ${flood.non2xx} non-2xx (503 = hash queue full, by design), ${flood.errors} errors`,
    );
    for (const [name, result] of rows) {
      console.log(
        `${name.padEnd(32)} p50 ${ms(result.latency.p50).padStart(9)}  p99 ${ms(result.latency.p99).padStart(9)}  max ${ms(result.latency.max).padStart(9)}  ${result.non2xx + result.errors} failures`,
      );
    }
    const starved = healthLoaded.latency.p99 > 500 || readyLoaded.latency.p99 > 500;
    console.log(
      starved
        ? '\n✘ other requests slowed down beyond 500 ms p99'
        : '\n✔ other requests were served throughout (p99 < 500 ms)',
    );
    process.exitCode = starved ? 1 : 0;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
