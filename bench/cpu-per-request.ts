import { readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchApp } from './lib/app-setup';
import type { BenchRequest, Scenario } from './lib/types';

/**
 * CPU time per request of one scenario, in this process, without HTTP: the app's own cost, steady
 * on a busy machine where requests/s are not. Requests go through `app.inject`, `concurrency` at a
 * time. With `--cpu-prof` Node writes a V8 profile to open in Chrome DevTools.
 *
 *   npx tsx bench/cpu-per-request.ts --only PATCH --requests 3000
 *   DATABASE_URL=postgres://… npx tsx bench/cpu-per-request.ts --only "userprofile (Bearer"
 *   npx tsx bench/cpu-per-request.ts --only PATCH --profile reports/patch.cpuprofile
 *
 * `--profile` writes a V8 profile of the measured requests only (not start-up or warm-up), to
 * open in Chrome DevTools; one file per scenario (the scenario's index is added to the name).
 */
const { values: options } = parseArgs({
  options: {
    only: { type: 'string', default: 'PATCH' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '10' },
    profile: { type: 'string' },
  },
});
const total = Number(options.requests);
const concurrency = Number(options.concurrency);

const directory = path.join(import.meta.dirname, 'scenarios');
const scenarios: Scenario[] = [];
for (const file of readdirSync(directory)
  .filter((name) => name.endsWith('.ts'))
  .sort()) {
  const scenario = ((await import(path.join(directory, file))) as { default: Scenario }).default;
  if (scenario.name.includes(options.only)) scenarios.push(scenario);
}

const bench = await startBenchApp();
// Scenario setups talk HTTP (the avatar upload): the app also listens.
await bench.app.listen({ port: 0, host: '127.0.0.1' });
const address = bench.app.server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
try {
  for (const scenario of scenarios) {
    const context = { baseUrl, fixtures: bench.fixtures };
    await scenario.setup?.(context);
    const requests = [scenario.requests(context)].flat();
    let sent = 0;
    let failed = 0;
    const run = async (count: number) => {
      sent = 0;
      const worker = async () => {
        while (sent < count) {
          const next = requests[sent++ % requests.length] as BenchRequest;
          const request = next.setupRequest?.(next) ?? next;
          const response = await bench.app.inject({
            method: request.method,
            url: request.path,
            headers: request.headers as Record<string, string>,
            ...(request.body !== undefined ? { payload: request.body } : {}),
          });
          if (response.statusCode >= 300) failed++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };
    await run(Math.min(500, total)); // warm-up: compiled queries, JIT
    failed = 0;
    const profiler = options.profile ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const before = process.cpuUsage();
    const started = performance.now();
    await run(total);
    const cpu = process.cpuUsage(before);
    if (profiler && options.profile) {
      const { profile } = await profiler.post('Profiler.stop');
      const file = options.profile.replace(/(\.cpuprofile)?$/, `-${scenarios.indexOf(scenario)}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      profiler.disconnect();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${scenario.name}: ${Math.round((cpu.user + cpu.system) / total)} µs CPU/request, ` +
        `${Math.round(total / seconds)} requests/s in-process, ${failed} failed of ${total}`,
    );
  }
} finally {
  await bench.close();
}
