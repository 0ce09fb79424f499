import os from 'node:os';
import { defineConfig } from 'vitest/config';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

/**
 * Files that start real processes (the server bundle, `bin/atrium.js`, concurrent start-ups):
 * a third of the suite's time. `npm test` runs everything; `npm run test:fast` leaves these out
 * (`vitest run --project 'fast*'`: both fast projects below), for the edit–test loop.
 */
const processFiles = [
  'tests/platform/process.test.ts',
  'tests/platform/concurrent-start.test.ts',
  'server/cli/cli.test.ts',
];

/**
 * Files that test what loading a module does (a lazy catalog namespace, a feature's mail
 * templates registering themselves): each runs with modules of its own, where the rest of the
 * suite shares a worker's (`isolate: false`).
 */
const freshModuleFiles = ['web/i18n/catalog.test.ts', 'server/platform/mail/templates/registry.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The catalogs' ICU messages, compiled in the tests as the build compiles them (scripts/icu-catalogs.ts).
    // Every file starts with the SPA in English, whatever the file before it in the worker chose.
    setupFiles: ['tests/setup/icu-messages.ts', 'tests/setup/interface-language.ts'],
    // Argon2 hashing is CPU-bound: one worker per core the process may use, at least two, at most
    // eight (more files at once only contend for the same cores and the same database).
    maxWorkers: Math.min(8, Math.max(2, os.availableParallelism())),
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...processFiles, ...freshModuleFiles],
          // A worker imports the app once for all its files, not once per file: importing it took
          // two thirds of the suite's time (3.4 s a file on two cores; the suite 218 s, 89 s
          // without). No test mocks a module, stubs a global or sets the environment.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'fast-fresh-modules', include: freshModuleFiles },
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
