import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { insertUser } from '../../server/features/users/store';
import { systemClock } from '../../server/platform/clock';
import { openDatabase } from '../../server/platform/db/kysely';
import { e2eDataDir, expectNoAxeViolations, mailedLink, signIn } from './fixtures';

/**
 * Passwords end to end, in Chromium against the real server. Users are made directly in the
 * run's SQLite database with the same store code the server uses (no user-creation UI exists yet),
 * so that the administrator's own password is never touched. Emails travel over real SMTP to the
 * test SMTP server that tests/e2e/server.ts runs beside the app; it files each message it received
 * as DATA_DIR/mail/*.eml, where this spec reads the links.
 */
const JSONAPI = 'application/vnd.api+json';

let sequence = 0;
async function createUser(options: { mustChangePassword?: boolean; password?: string } = {}) {
  if (!e2eDataDir) throw new Error('ATRIUM_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const database = openDatabase({ database: { kind: 'sqlite', file: path.join(e2eDataDir, 'atrium.db') } });
  try {
    const organization = await database.db
      .selectFrom('organizations')
      .select('id')
      .orderBy('createdAt')
      .executeTakeFirstOrThrow();
    const role = await database.db
      .selectFrom('roles')
      .select('id')
      .where('organizationId', '=', organization.id)
      .where('name', '=', 'User')
      .executeTakeFirstOrThrow();
    const suffix = `${Date.now().toString(36)}${sequence++}`;
    const username = `pw_${suffix}`;
    const password = options.password ?? 'first password of this user';
    const id = await insertUser(
      database.db,
      systemClock,
      {
        username,
        email: `${username}@example.com`,
        firstName: 'Pat',
        lastName: `Tester ${suffix}`,
        passwordHash: await hash(password),
        mustChangePassword: options.mustChangePassword ?? false,
      },
      { organizationId: organization.id, roleIds: [role.id] },
    );
    return { id, username, email: `${username}@example.com`, password };
  } finally {
    await database.close();
  }
}

const resetLinkFor = (address: string) => mailedLink(address, 'password-reset');

/** An unsafe API call as the signed-in browser (CSRF token from the session). */
async function apiPost(request: APIRequestContext, url: string, body?: unknown) {
  const current = await request.get('/api/sessions/current', { headers: { accept: JSONAPI } });
  const csrfToken = (await current.json()).data.attributes.csrfToken as string;
  // A body with no attributes may be omitted — and then so is its Content-Type.
  if (body === undefined)
    return request.post(url, { headers: { accept: JSONAPI, 'x-csrf-token': csrfToken } });
  return request.post(url, {
    headers: { 'content-type': JSONAPI, accept: JSONAPI, 'x-csrf-token': csrfToken },
    data: JSON.stringify(body),
  });
}

async function expectSignInWorks(request: APIRequestContext, login: string, password: string, status = 201) {
  const response = await request.post('/api/sessions', {
    headers: { 'content-type': JSONAPI, accept: JSONAPI },
    data: JSON.stringify({ data: { type: 'sessions', attributes: { login, password } } }),
  });
  expect(response.status(), await response.text()).toBe(status);
}

/** The sign-in page (web/features/auth): Username or Email, Password, Log in → home. */
async function signInThroughThePage(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username or Email').fill(login);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

async function fillNewPassword(page: Page, password: string) {
  await page.getByLabel('New Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat New Password').fill(password);
}

test.describe('passwords', () => {
  test('Forgot your password? end to end: request, emailed link, new password, sign in', async ({ page }) => {
    const user = await createUser();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL('/forgot-password');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgot your password?');
    await expectNoAxeViolations(page);
    await page.getByLabel('Username or Email').fill(user.email);
    await page.getByRole('button', { name: 'Request' }).click();
    await expect(page.getByRole('status')).toContainText('If an account matches');

    // An unknown login gets exactly the same answer.
    await page.goto('/forgot-password');
    await page.getByLabel('Username or Email').fill('nobody-at-all@example.com');
    await page.getByRole('button', { name: 'Request' }).click();
    await expect(page.getByRole('status')).toContainText('If an account matches');

    const link = await resetLinkFor(user.email);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
    // The token left the address bar as soon as the page read it.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page);

    // The rules popover, by keyboard.
    await page.getByRole('button', { name: 'Password rules' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Password rules' })).toContainText(
      'At least 12 characters',
    );
    await page.keyboard.press('Escape');

    // Too short: refused beside the field, by the same checker as the server.
    await fillNewPassword(page, 'short');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The password must have at least 12 characters (it has 5).')).toBeVisible();

    const newPassword = 'a lantern in the meadow at dusk';
    await fillNewPassword(page, newPassword);
    await expect(page.getByText(/Strength: /)).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('Your password was changed')).toBeVisible();
    await expectSignInWorks(page.request, user.username, user.password, 401);
    await signInThroughThePage(page, user.username, newPassword);

    // The link is single-use.
    await page.goto(link);
    await fillNewPassword(page, 'yet another long passphrase');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText('invalid, was already used or has expired');
  });

  test('administrator Reset Password: the user is signed out at once, then resets with the emailed link', async ({
    browser,
    page,
  }) => {
    const user = await createUser();
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await signIn(userPage, { username: user.username, password: user.password });
    await userPage.goto('/');
    await expect(userPage.getByRole('heading', { level: 1 })).toContainText('Welcome');

    await signIn(page);
    const reset = await apiPost(page.request, `/api/users/${user.id}/password-reset`);
    expect(reset.status()).toBe(202);

    // The user's open browser: the next request finds the session gone.
    await userPage.goto('/');
    await expect(userPage).toHaveURL(/\/login/);
    await expectSignInWorks(userPage.request, user.username, user.password, 401);

    const link = await resetLinkFor(user.email);
    await userPage.goto(link);
    const newPassword = 'chosen after the administrator reset';
    await fillNewPassword(userPage, newPassword);
    await userPage.getByRole('button', { name: 'Save' }).click();
    await expect(userPage).toHaveURL(/\/login/);
    await signInThroughThePage(userPage, user.username, newPassword);
    await userContext.close();
  });

  test('administrator Change Password from More Actions: Suggest Password, Show / Hide, must change', async ({
    page,
  }) => {
    const user = await createUser();
    await signIn(page);
    await page.goto(`/users/${user.id}`);
    await page.getByRole('button', { name: 'More Actions' }).click();
    await page.getByRole('menuitem', { name: 'Change Password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Password' });
    await expect(dialog).toBeVisible();
    const field = dialog.getByLabel('New password', { exact: true });
    await expect(field).toHaveAttribute('type', 'password');
    await expect(
      dialog.getByRole('checkbox', { name: 'User must change the password at next sign-in' }),
    ).toBeChecked();
    await expectNoAxeViolations(page);

    await dialog.getByRole('button', { name: 'Suggest Password' }).click();
    const suggested = await field.inputValue();
    expect([...suggested].length).toBeGreaterThanOrEqual(16);
    // Suggesting shows the password; the eye hides and shows it again.
    await expect(field).toHaveAttribute('type', 'text');
    await dialog.getByRole('button', { name: 'Hide' }).click();
    await expect(field).toHaveAttribute('type', 'password');
    await dialog.getByRole('button', { name: 'Show' }).click();
    await expect(field).toHaveAttribute('type', 'text');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Password changed')).toBeVisible();

    // The old password is dead; the new one signs in, into the must-change flow.
    await expectSignInWorks(page.request, user.username, user.password, 401);
    const other = await page.context().browser()?.newContext();
    if (!other) throw new Error('no browser');
    const userPage = await other.newPage();
    await signIn(userPage, { username: user.username, password: suggested });
    await userPage.goto('/');
    await expect(userPage).toHaveURL('/password-change-required');
    await other.close();
  });

  test('administrator Reset Password from More Actions', async ({ page }) => {
    const user = await createUser();
    await signIn(page);
    await page.goto(`/users/${user.id}`);
    await page.getByRole('button', { name: 'More Actions' }).click();
    await page.getByRole('menuitem', { name: 'Reset Password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset Password' });
    await expect(dialog).toContainText('reset link will be sent');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Password reset', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(`/users/${user.id}`);
    await expectSignInWorks(page.request, user.username, user.password, 401);
    await resetLinkFor(user.email);
  });

  test('administrator Reset Password for several users at once from the users grid', async ({ page }) => {
    const first = await createUser();
    const second = await createUser();
    await signIn(page);
    await page.goto('/users?name=pw_');
    await page.getByRole('checkbox', { name: `Select ${first.username}` }).check();
    await page.getByRole('checkbox', { name: `Select ${second.username}` }).check();
    const selected = page.getByRole('region', { name: 'Selected users' });
    await expect(selected).toContainText('2 users selected');
    await selected.getByRole('button', { name: 'Reset Password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset Password' });
    await expect(dialog).toContainText(first.username.replace('pw_', ''));
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText('2 users were signed out and will get an email with a reset link.'),
    ).toBeVisible();
    for (const user of [first, second]) {
      await expectSignInWorks(page.request, user.username, user.password, 401);
      await resetLinkFor(user.email);
    }
  });

  test('the must-change flow: after signing in, the user can only choose a new password', async ({
    page,
  }) => {
    const user = await createUser({ mustChangePassword: true });
    await signIn(page, { username: user.username, password: user.password });
    await page.goto('/');
    await expect(page).toHaveURL('/password-change-required');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your password');
    await expectNoAxeViolations(page);

    await page.getByLabel('Password', { exact: true }).fill('not my password at all');
    await fillNewPassword(page, 'my own secret phrase now');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The current password is not correct.')).toBeVisible();

    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await fillNewPassword(page, 'my own secret phrase now');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
    await expectSignInWorks(page.request, user.username, 'my own secret phrase now');
  });

  test('the Password policy settings page changes the rules in force', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await page.getByRole('banner').getByRole('button', { name: 'Admin User' }).click();
    await page.getByRole('menuitem', { name: 'Password policy' }).click();
    // The password policy is a page of the Configuration tree.
    await expect(page).toHaveURL('/configuration/organization?section=password-policy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organization Configuration');
    const policy = page.getByRole('region', { name: 'Password Policy' });
    await expect(policy.getByRole('textbox', { name: 'Minimal password length', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await policy.getByRole('checkbox', { name: 'Use System: Minimal password length' }).uncheck();
    await policy.getByRole('textbox', { name: 'Minimal password length', exact: true }).fill('14');
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    const answer = await page.request.get('/api/password-policy', { headers: { accept: JSONAPI } });
    expect((await answer.json()).data.attributes.minLength).toBe(14);

    await policy.getByRole('checkbox', { name: 'Use System: Minimal password length' }).check();
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await expect
      .poll(async () => {
        const again = await page.request.get('/api/password-policy', { headers: { accept: JSONAPI } });
        return (await again.json()).data.attributes.minLength;
      })
      .toBe(12);
  });
});
