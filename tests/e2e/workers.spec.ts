import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { apiSend, e2eBaseUrl, e2eDataDir, e2eServer, e2eServerCount, signIn } from './fixtures';

/**
 * Each Playwright worker talks only to its own server (playwright.config.ts, fixtures.ts): the
 * page's `baseURL` (config `use`, loaded again in each worker), `e2eBaseUrl` and `e2eDataDir`
 * name the same server, and what the page writes lands in that server's database and in no
 * other's. Two tests that may run at once, so that both workers usually take one.
 */
test.describe.configure({ mode: 'parallel' });

/** The servers whose SQLite database has a user with this username, by index. */
function serversWithUser(username: string): number[] {
  return Array.from({ length: e2eServerCount }, (_, index) => index).filter((index) => {
    const dataDir = e2eServer(index).dataDir;
    if (!dataDir) throw new Error('ATRIUM_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
    const db = new Database(path.join(dataDir, 'atrium.db'), { readonly: true });
    try {
      db.pragma('busy_timeout = 5000');
      return db.prepare('SELECT 1 FROM users WHERE username = ?').get(username) !== undefined;
    } finally {
      db.close();
    }
  });
}

for (const run of [1, 2]) {
  test(`a worker's page, addresses and data directory are its own server's (${run})`, async ({
    page,
    baseURL,
  }, testInfo) => {
    const ownIndex = testInfo.parallelIndex;
    expect(baseURL).toBe(e2eServer(ownIndex).baseUrl);
    expect(e2eBaseUrl).toBe(baseURL);
    expect(e2eDataDir).toBe(e2eServer(ownIndex).dataDir);

    await signIn(page);
    const username = `worker_${ownIndex}_${Date.now().toString(36)}_${run}`;
    const created = await apiSend(page.request, 'POST', '/api/users', {
      data: {
        type: 'users',
        attributes: {
          username,
          email: `${username}@example.com`,
          password: 'Quiet-Meadow-Lantern-5308',
          firstName: 'Worker',
          lastName: String(ownIndex),
          mustChangePassword: false,
        },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    expect(serversWithUser(username)).toEqual([ownIndex]);
  });
}
