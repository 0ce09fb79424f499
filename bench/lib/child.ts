import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildServer } from '../../scripts/build-server';
import type { Fixtures } from './types';

export type ServerProcess = {
  child: ChildProcess;
  baseUrl: string;
  fixtures: Fixtures | undefined;
  /** Resident memory now, in MB (from /proc/<pid>/status VmRSS). */
  rssMb(): number;
  /** CPU time the process has used so far (user + system), in seconds, from /proc/<pid>/stat. */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/**
 * Starts one of bench/servers/*.ts in its own Node process (with `env` added to this process's
 * environment), so that its memory is measured apart from autocannon's, and waits for it to
 * report its port. Like `npm start`, the server runs
 * compiled (scripts/build-server.ts, into dist/bench/) with plain Node and source maps.
 */
export async function startServer(file: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const bundle = await buildServer(
    path.join('bench/servers', file),
    path.join('dist/bench', file.replace(/\.ts$/, '.mjs')),
  );
  // With LOG_LEVEL set the app logs as `npm start` does, to a file as a log collector would read it.
  const logs = process.env.LOG_LEVEL && process.env.LOG_LEVEL !== 'silent' && file === 'app.ts';
  if (logs) mkdirSync('reports', { recursive: true });
  const child = fork(bundle, [], {
    // BENCH_CPU_PROF=1 writes a V8 CPU profile of each server to reports/ (open it in Chrome DevTools).
    execArgv: [
      '--enable-source-maps',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=reports'] : []),
    ],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', logs ? openSync('reports/bench-app.log', 'w') : 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number; fixtures?: Fixtures }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number; fixtures?: Fixtures }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    fixtures: ready.fixtures,
    rssMb: () => readRssMb(child.pid as number),
    cpuSeconds: () => readCpuSeconds(child.pid as number),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function readRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return kilobytes / 1024;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

export function readCpuSeconds(pid: number): number {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the peak. */
export function sampleRss(server: ServerProcess, intervalMs = 50): () => number {
  let peak = server.rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rssMb());
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, server.rssMb());
  };
}
