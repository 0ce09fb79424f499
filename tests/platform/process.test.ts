import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_BUNDLE } from '../../scripts/build-server';
import { sha256 } from '../../server/platform/secrets';

/**
 * The real process, as `npm start` runs it (the compiled bundle, plain Node): first start,
 * restart, bad configuration, graceful shutdown, and a kill -9 in the middle of writes. SQLite
 * (the embedded default).
 */
const children: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await buildServer();
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Started = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MAIL_WORKER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function waitUntilHealthy(started: Started): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${started.port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become healthy: ${started.output()}`);
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-process-'));
  dirs.push(dir);
  return dir;
}

/** One request on a connection of its own (no keep-alive), so a shutdown cannot strand it. */
function signIn(
  port: number,
  login: string,
  password: string,
): Promise<{ status: number; headers: { get(name: string): string | null } }> {
  const body = JSON.stringify({ data: { type: 'sessions', attributes: { login, password } } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/sessions',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/vnd.api+json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const cookies = response.headers['set-cookie'] ?? [];
          resolve({
            status: response.statusCode ?? 0,
            headers: { get: (name) => (name === 'set-cookie' ? cookies.join(', ') : null) },
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('the server process', { timeout: 90_000 }, () => {
  it('creates the first administrator once, printing a generated password once', async () => {
    const dataDir = tempDir();
    const first = await startServer(dataDir);
    await waitUntilHealthy(first);
    const match = /Password: (\S+)/.exec(first.output());
    expect(match).not.toBeNull();
    const password = match?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await signIn(first.port, 'admin', password)).status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer(dataDir);
    await waitUntilHealthy(second);
    expect(second.output()).not.toContain('Password:');
    expect((await signIn(second.port, 'admin', password)).status).toBe(201);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stops with one clear message and exit code 1 on a bad configuration', async () => {
    const started = await startServer(tempDir(), { PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('Invalid configuration');
    expect(started.output()).toContain('PORT');
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const started = await startServer(tempDir(), {
      ADMIN_PASSWORD: 'a long operator passphrase',
      LOG_LEVEL: 'debug',
    });
    await waitUntilHealthy(started);
    // A sign-in whose body arrives in two halves: the server has the request (its debug line says
    // so) but cannot answer before the second half, which is sent only after SIGTERM. So the
    // request is in flight when the signal arrives, whatever the machine's speed.
    const body = JSON.stringify({
      data: { type: 'sessions', attributes: { login: 'admin', password: 'a long operator passphrase' } },
    });
    const half = Math.floor(body.length / 2);
    let answered = false;
    const request = http.request({
      host: '127.0.0.1',
      port: started.port,
      method: 'POST',
      path: '/api/sessions',
      headers: {
        'content-type': 'application/vnd.api+json',
        accept: 'application/vnd.api+json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const inFlight = new Promise<number | undefined>((resolve, reject) => {
      request.on('response', (response) => {
        answered = true;
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, half));
    await expect
      .poll(
        () =>
          started
            .output()
            .split('\n')
            .some((line) => line.includes('"url":"/api/sessions"') && line.includes('incoming request')),
        { interval: 5, timeout: 20_000 },
      )
      .toBe(true);
    started.child.kill('SIGTERM');
    expect(answered, 'the signal must arrive before the answer').toBe(false);
    request.end(body.slice(half));
    expect(await inFlight).toBe(201);
    expect(await started.exited).toBe(0);
  });

  it('loses no acknowledged write and keeps the database intact after kill -9', async () => {
    const dataDir = tempDir();
    const started = await startServer(dataDir, {
      ADMIN_PASSWORD: 'a long operator passphrase',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    await waitUntilHealthy(started);
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const response = await signIn(started.port, 'admin', 'a long operator passphrase');
          if (response.status === 201) {
            const cookie = response.headers.get('set-cookie') ?? '';
            const token = /atrium_session=([^;]+)/.exec(cookie)?.[1];
            if (token) acknowledged.push(token);
          }
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    // Writes acknowledged and more in flight when the process dies.
    await expect.poll(() => acknowledged.length, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(10);
    started.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await started.exited;
    expect(acknowledged.length).toBeGreaterThan(0);

    const db = new SqliteDatabase(path.join(dataDir, 'atrium.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(
        (db.prepare('select token_hash from sessions').all() as { token_hash: string }[]).map(
          (r) => r.token_hash,
        ),
      );
      for (const token of acknowledged) expect(stored.has(sha256(decodeURIComponent(token)))).toBe(true);
    } finally {
      db.close();
    }
  });
});
