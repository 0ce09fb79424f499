import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';

/**
 * The end-to-end servers: playwright.config.ts starts one per Playwright worker
 * (`e2eServerCount`), server i on port `ATRIUM_E2E_PORT` + i (3111 + i by default; the variable
 * lets two runs on one machine, two engineers' trees, not collide) with its own data directory
 * <run directory>/i, so spec files running at once in two workers share no state.
 *
 * Two workers with four cores or more, else one (`ATRIUM_E2E_WORKERS` overrides). On two cores the
 * browser run is bound by CPU (Chromium, axe, the server): two workers took 15.8 minutes, their
 * tests 30.8 minutes in all, against 15.4 for one worker, so each test only took twice as long,
 * with half the room under its time limit.
 */
export const e2eServerCount = Number(process.env.ATRIUM_E2E_WORKERS ?? (availableParallelism() >= 4 ? 2 : 1));
const basePort = Number(process.env.ATRIUM_E2E_PORT ?? 3111);

/**
 * Server `index`'s port, address and data directory (SQLite file atrium.db, received mail in
 * mail/, avatars). The directory is undefined until playwright.config.ts has made the run's one.
 */
export function e2eServer(index: number): { port: number; baseUrl: string; dataDir: string | undefined } {
  const port = basePort + index;
  const runDir = process.env.ATRIUM_E2E_DATA_DIR;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir: runDir ? path.join(runDir, String(index)) : undefined,
  };
}

// Playwright sets TEST_PARALLEL_INDEX (0 … workers − 1) in each worker process before it loads
// the config and the specs there, and a worker restarted after a failure keeps its index: every
// module of a worker, playwright.config.ts's `use.baseURL` too, sees its own server. In the runner
// process (no index) these name server 0.
const workerIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
if (!(workerIndex < e2eServerCount)) {
  throw new Error(
    `Playwright worker ${workerIndex} has no server: playwright.config.ts starts ${e2eServerCount}, one per worker (do not raise --workers)`,
  );
}
const ownServer = e2eServer(workerIndex);

/** Where this worker's end-to-end server listens. */
export const e2ePort = ownServer.port;
export const e2eBaseUrl = ownServer.baseUrl;

/** The first administrator, created by the server on its first start from ADMIN_* variables. */
export const admin = {
  username: 'admin',
  email: 'admin@example.com',
  password: 'Lantern-Meadow-Quiet-4817',
  firstName: 'Admin',
  lastName: 'User',
} as const;

/** This worker's server's data directory (SQLite file, received mail, avatars), fresh for every run. */
export const e2eDataDir = ownServer.dataDir;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe (WCAG 2.1 A and AA) on the page as it is now and fails with one readable line per
 * violation: rule, what it means, and the offending elements.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // The sandboxed email frame (an email's body in the Activity) is left out: its content is the
  // user's mail, not our UI, and axe cannot run in a frame whose sandbox allows no scripts (it
  // hangs injecting itself). Every rule still runs on everything else.
  // Only violations are collected in full (axe's `resultTypes`: passes and the rest keep one
  // node each), which is all this check reads. `options` replaces AxeBuilder's whole options
  // object, so it comes before `withTags`, which adds `runOnly` to it.
  // Legacy mode runs axe in the page itself: the default opens a blank page for every run to
  // merge the frames' results, and injects axe there again, which took 40% of each run's time
  // here (70 s against 41 s for the 32 runs of access.spec.ts and calendar.spec.ts). The page has
  // no frame of another origin for that mode to miss, and the sandboxed one is left out anyway.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_21_AA)
    .exclude('iframe[sandbox]')
    .setLegacyMode()
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(violations, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs in through the API (POST /api/sessions); the session cookie lands in the page's browser
 * context, so the next page load is signed in. For tests of the sign-in page itself, use the page.
 */
export async function signIn(
  page: Page,
  credentials: { username: string; password: string } = admin,
): Promise<void> {
  const response = await page.request.post('/api/sessions', {
    headers: { 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    data: JSON.stringify({
      data: { type: 'sessions', attributes: { login: credentials.username, password: credentials.password } },
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
}

/**
 * The newest link to `page` (e.g. `password-reset`) mailed to an address, as the test SMTP server
 * beside the e2e server received it (filed under DATA_DIR/mail); waits for the mail worker.
 */
export async function mailedLink(address: string, page: string | RegExp): Promise<string> {
  const directory = path.join(e2eDataDir ?? '', 'mail');
  // A page name (`password-reset`: its `#token=` link), or the link's own pattern (group 1).
  const pattern =
    typeof page === 'string' ? new RegExp(`(https?://\\S+/${page}#token=[A-Za-z0-9_%-]+)`) : page;
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        let files: string[] = [];
        try {
          files = readdirSync(directory).filter((name) => name.endsWith('.eml'));
        } catch {
          return undefined;
        }
        for (const name of files.sort().reverse()) {
          const mail = await simpleParser(readFileSync(path.join(directory, name)));
          const to = [mail.to].flat().flatMap((entry) => entry?.value ?? []);
          if (!to.some((recipient) => recipient.address === address)) continue;
          link = pattern.exec(mail.text ?? '')?.[1];
          if (link) return link;
        }
        return undefined;
      },
      { timeout: 15_000, message: `a ${String(page)} link mailed to ${address}` },
    )
    .toBeTruthy();
  return link as string;
}

const JSONAPI = 'application/vnd.api+json';

/** An unsafe API call as the signed-in browser context (CSRF token from the session). */
export async function apiSend(
  request: APIRequestContext,
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  const current = await request.get('/api/sessions/current', { headers: { accept: JSONAPI } });
  const csrfToken = (await current.json()).data.attributes.csrfToken as string;
  return request.fetch(url, {
    method,
    headers: { 'content-type': JSONAPI, accept: JSONAPI, 'x-csrf-token': csrfToken },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
}

export type Member = {
  id: string;
  username: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
};

let memberSequence = 0;

/**
 * A new member of the administrator's organization with one seeded role (`User` unless told),
 * made through the API by the administrator in a context of its own; `profile` attributes (a
 * birthday …) are then set by the administrator (PATCH /api/users/{id}).
 */
export async function createMember(
  browser: Browser,
  options: { role?: 'User' | 'Manager' | 'Administrator'; prefix?: string; profile?: object } = {},
): Promise<Member> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl });
  try {
    const page = await context.newPage();
    await signIn(page);
    const roles = await (await page.request.get('/api/roles', { headers: { accept: JSONAPI } })).json();
    const role = roles.data.find(
      (candidate: { attributes: { name: string } }) => candidate.attributes.name === (options.role ?? 'User'),
    );
    const suffix = `${Date.now().toString(36)}${memberSequence++}`;
    const prefix = options.prefix ?? 'member';
    const person = {
      username: `${prefix}_${suffix}`,
      email: `${prefix}_${suffix}@example.com`,
      password: 'Meadow-Lantern-Quiet-2931',
      firstName: 'Bob',
      lastName: `Builder ${suffix}`,
    };
    const created = await apiSend(page.request, 'POST', '/api/users', {
      data: {
        type: 'users',
        attributes: { ...person, mustChangePassword: false },
        relationships: { roles: { data: [{ type: 'roles', id: role.id }] } },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).data.id as string;
    if (options.profile) {
      const updated = await apiSend(page.request, 'PATCH', `/api/users/${id}`, {
        data: { type: 'users', id, attributes: options.profile },
      });
      expect(updated.status(), await updated.text()).toBe(200);
    }
    return { id, ...person };
  } finally {
    await context.close();
  }
}

/** Sets one of the signed-in user's own settings (My Configuration), e.g. `localization.locale`. */
export async function setOwnSetting(page: Page, key: string, value: unknown): Promise<void> {
  const response = await apiSend(page.request, 'PATCH', `/api/settings/${encodeURIComponent(key)}`, {
    data: { type: 'settings', id: key, attributes: { scope: 'user', value } },
  });
  expect(response.status(), await response.text()).toBe(200);
}
