import { defineConfig } from 'vitest/config';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
    // The process tests start the server on its embedded default (SQLite) whatever DATABASE_URL
    // says: the PostgreSQL run would only repeat them.
    exclude: ['**/node_modules/**', ...(onPostgres ? ['tests/platform/process.test.ts'] : [])],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Argon2 hashing is CPU-bound; two cores here.
    maxWorkers: 2,
  },
});
