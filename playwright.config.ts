import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { admin, e2eBaseUrl, e2ePort } from './tests/e2e/fixtures';

// One fresh data directory per run. Set here, in the runner process, so the test workers (which
// inherit the environment) know it too — e.g. to read the mail the test SMTP server filed there. The server removes it when
// it exits.
process.env.ATRIUM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'atrium-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // axe on a whole page takes seconds on these two-core machines; several per test.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
  use: {
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
  webServer: {
    command: 'npx tsx tests/e2e/server.ts',
    url: `${e2eBaseUrl}/healthz`,
    reuseExistingServer: false,
    // Building the web app on a cold machine takes a while.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(e2ePort),
      HOST: '127.0.0.1',
      PUBLIC_URL: e2eBaseUrl,
      DATA_DIR: process.env.ATRIUM_E2E_DATA_DIR,
      ADMIN_USERNAME: admin.username,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
    },
  },
});
