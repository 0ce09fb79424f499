import os from 'node:os';
import { defineConfig } from 'vitest/config';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

/**
 * Files that start real processes (the server bundle, `bin/atrium.js`, concurrent start-ups):
 * a third of the suite's time. `npm test` runs everything; `npm run test:fast` leaves these out
 * (`vitest run --project fast`), for the edit–test loop.
 */
const processFiles = [
  'tests/platform/process.test.ts',
  'tests/platform/concurrent-start.test.ts',
  'server/cli/cli.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The catalogs' ICU messages, compiled in the tests as the build compiles them (scripts/icu-catalogs.ts).
    setupFiles: ['tests/setup/icu-messages.ts'],
    // Argon2 hashing is CPU-bound: one worker per core the process may use, at least two, at most
    // eight (more files at once only contend for the same cores and the same database).
    maxWorkers: Math.min(8, Math.max(2, os.availableParallelism())),
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...processFiles],
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processFiles,
          // The process tests start the server on its embedded default (SQLite) whatever
          // DATABASE_URL says: the PostgreSQL run would only repeat them.
          exclude: ['**/node_modules/**', ...(onPostgres ? ['tests/platform/process.test.ts'] : [])],
        },
      },
    ],
  },
});
