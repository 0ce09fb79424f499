import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { admin, e2eBaseUrl, e2eServer, e2eServerCount } from './tests/e2e/fixtures';

// One fresh run directory per run, holding each server's data directory (<run dir>/0, <run dir>/1).
// Set here, in the runner process, so the test workers (which inherit the environment) know it
// too — e.g. to read the mail their server's test SMTP server filed there. Each server removes its
// own directory when it exits, and the last one the run directory.
process.env.ATRIUM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'atrium-e2e-'));

/**
 * Server `index` of tests/e2e/fixtures.ts (its port, address and data directory), run by
 * tests/e2e/server.ts. Playwright starts the servers one after the other, each once the previous
 * answers /healthz, so only the first builds the web app when dist/web is stale.
 */
function e2eWebServer(index: number) {
  const server = e2eServer(index);
  return {
    command: 'npx tsx tests/e2e/server.ts',
    url: `${server.baseUrl}/healthz`,
    reuseExistingServer: false,
    // Building the web app on a cold machine takes a while.
    timeout: 180_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    env: {
      PORT: String(server.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: server.baseUrl,
      DATA_DIR: server.dataDir as string,
      ADMIN_USERNAME: admin.username,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
    },
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker per server (see webServer; two with four cores or more, fixtures.ts): spec files
  // run that many at a time, a file's tests in order in one worker.
  fullyParallel: false,
  workers: e2eServerCount,
  retries: 0,
  forbidOnly: true,
  // axe on a whole page takes seconds on these two-core machines; several per test.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
  use: {
    // This worker's own server: the config is loaded again in each worker process, after
    // Playwright set its TEST_PARALLEL_INDEX (tests/e2e/fixtures.ts).
    baseURL: e2eBaseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
    // No transitions: axe then never measures a dialog's colours mid-fade (half-transparent text).
    contextOptions: { reducedMotion: 'reduce' },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          // Debian's Chromium: Playwright's own browser download does not work on these machines.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: Array.from({ length: e2eServerCount }, (_, index) => e2eWebServer(index)),
});
