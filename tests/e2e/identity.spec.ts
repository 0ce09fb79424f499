import { expect, type Page, test } from '@playwright/test';
import { admin, expectNoAxeViolations, signIn } from './fixtures';

/**
 * Identity end to end, in Chromium against the real server: the sign-in page, the user menu, the
 * organization switcher, the users grid (filter, open, Create User, Disable), roles and the audit
 * log — each page checked with axe.
 */
const adminName = `${admin.firstName} ${admin.lastName}`;
const suffix = Date.now().toString(36);

async function fillSignIn(page: Page, login: string, password: string) {
  await page.getByLabel('Username or Email').fill(login);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test.describe('identity', () => {
  test('sign-in page: a wrong password is refused with a clear message, then the right one works', async ({
    page,
  }) => {
    await page.goto('/users?status=active');
    await expect(page).toHaveURL('/login?next=%2Fusers%3Fstatus%3Dactive');
    await expect(page).toHaveTitle('Log in · Atrium');
    await expect(page.getByLabel('Username or Email')).toBeFocused();
    await expect(page.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    await expectNoAxeViolations(page);

    // Empty fields are caught before anything is sent.
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Enter your username or email.')).toBeVisible();

    await fillSignIn(page, admin.username, 'not the right password');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The username or password is incorrect.');
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue('');
    await expectNoAxeViolations(page);

    // By keyboard: type, Enter.
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
    await expect(page).toHaveURL('/users?status=active');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  });

  test('the user menu: My User, My Configuration, Logout', async ({ page }) => {
    await page.goto('/login');
    await fillSignIn(page, admin.email.toUpperCase(), admin.password);
    await expect(page).toHaveURL('/');
    const menu = page.getByRole('banner').getByRole('button', { name: adminName });
    await menu.click();
    // Later features add entries; these three are always there, Logout last.
    const items = page.getByRole('menu').getByRole('menuitem');
    await expect(items.first()).toHaveText('My User');
    await expect(items.nth(1)).toHaveText('My Configuration');
    await expect(items.last()).toHaveText('Logout');
    await page.getByRole('menuitem', { name: 'My User' }).click();
    await expect(page).toHaveURL('/my-user');
    await menu.click();
    await page.getByRole('menuitem', { name: 'My Configuration' }).click();
    await expect(page).toHaveURL('/my-configuration');
    await menu.click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await expect(page).toHaveURL('/login');
    const session = await page.request.get('/api/sessions/current', {
      headers: { accept: 'application/vnd.api+json' },
    });
    expect(session.status()).toBe(401);
  });

  test('the organization switcher moves the session to another organization and back', async ({ page }) => {
    await signIn(page);
    await page.goto('/organizations');
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
    await expectNoAxeViolations(page);
    const branch = `Branch ${suffix}`;
    await page.getByRole('button', { name: 'Create Organization' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Organization' });
    await dialog.getByLabel('Name').fill(branch);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('cell', { name: branch, exact: true })).toBeVisible();

    const switcher = page.getByRole('banner').getByRole('button', { name: /Switch organization/ });
    await expect(switcher).toContainText('Default Organization');
    await switcher.click();
    await page.getByRole('menuitem', { name: branch }).click();
    await expect(switcher).toContainText(branch);
    // Everything reloads in the new organization: only the creator is a member there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('link', { name: admin.username, exact: true })).toBeVisible();
    await expect(page.getByText('1 user', { exact: true })).toBeVisible();

    // Rename it from the Organizations page: an organization is renamed while working in it (the
    // permissions the page knows are the current organization's).
    await page.goto('/organizations');
    await page.getByRole('button', { name: `Rename ${branch}` }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Organization' });
    await rename.getByLabel('Name').fill(`${branch} East`);
    await rename.getByRole('button', { name: 'Save' }).click();
    // The current organization's name cell also says "Current".
    await expect(page.getByRole('cell', { name: `${branch} East Current`, exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: `${branch} Current`, exact: true })).toHaveCount(0);

    await switcher.click();
    await page.getByRole('menuitem', { name: 'Default Organization' }).click();
    await expect(switcher).toContainText('Default Organization');
  });

  test('users grid: filter, sort, open a user; Create User; disabling signs the user out', async ({
    page,
    browser,
  }) => {
    test.slow(); // two browsers and a dozen pages
    await signIn(page);
    await page.goto('/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Username' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expectNoAxeViolations(page);

    // Create User, by the dialog.
    const username = `grace_${suffix}`;
    const password = 'a long initial pass phrase';
    await page.getByRole('button', { name: 'Create User' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create User' });
    await expect(dialog.getByLabel('Username')).toBeFocused();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('The username must have at least 3 characters.')).toBeVisible();
    await dialog.getByLabel('Username').fill(username);
    await dialog.getByLabel('Primary Email').fill(`${username}@example.com`);
    await dialog.getByLabel('First Name').fill('Grace');
    await dialog.getByLabel('Last Name').fill(`Hopper ${suffix}`);
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await dialog.getByLabel('The user must change the password at the next sign-in').uncheck();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The new user's page opens.
    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);

    // The new user signs in, in a browser of their own.
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await userPage.goto('/login');
    await fillSignIn(userPage, username, password);
    await expect(userPage).toHaveURL('/');
    await expect(
      userPage.getByRole('banner').getByRole('button', { name: `Grace Hopper ${suffix}` }),
    ).toBeVisible();

    // Filter the grid and open the user from it.
    await page.goto('/users');
    await page.getByLabel('Name').fill('grace');
    await expect(page).toHaveURL(/name=grace/);
    await expect(page.getByRole('link', { name: username })).toBeVisible();
    await expect(page.getByRole('link', { name: admin.username, exact: true })).toBeHidden();
    await page.getByRole('columnheader', { name: 'Last sign-in' }).getByRole('button').click();
    await expect(page.getByRole('columnheader', { name: 'Last sign-in' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // Another order is a step in the browser's history: Back returns to the one before.
    await page.goBack();
    await expect(page).toHaveURL(/\/users\?name=grace$/);
    await expect(page.getByRole('columnheader', { name: 'Username' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await page.goForward();
    await expect(page.getByRole('columnheader', { name: 'Last sign-in' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // A name typed replaces this entry; Back then shows the entry before with its name in the box.
    await page.getByLabel('Name').fill('hopper');
    await expect(page).toHaveURL(/name=hopper/);
    await page.goBack();
    await expect(page).toHaveURL(/\/users\?name=grace$/);
    await expect(page.getByLabel('Name')).toHaveValue('grace');
    await page.goForward();
    await expect(page).toHaveURL(/name=hopper/);
    await expect(page.getByLabel('Name')).toHaveValue('hopper');
    await page.getByLabel('Name').fill('');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Active' }).click();
    await expect(page).toHaveURL(/status=active/);
    // The emptied Name lands after its debounce: wait for it too, so the grid has its last filter.
    await expect(page).not.toHaveURL(/name=/);
    // The grid refetches for the new filter: click once the list has settled.
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
    await page.getByRole('link', { name: username }).click();
    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Grace');

    // Disable them from the grid: their open browser is signed out at once.
    await page.goto(`/users?name=${username}`);
    await page.getByRole('button', { name: `Actions for ${username}` }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable users' });
    await expect(confirm).toContainText('They are signed out at once');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('row', { name: new RegExp(username) }).getByText('Disabled')).toBeVisible();

    await userPage.reload();
    await expect(userPage).toHaveURL(/\/login/);
    await fillSignIn(userPage, username, password);
    await expect(userPage.getByRole('alert')).toContainText('This account is disabled');
    await userContext.close();

    // The audit log shows it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit Log' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Action' }).fill('Account disabled');
    await page.getByRole('option', { name: 'Account disabled' }).click();
    await expect(
      page.getByRole('row', { name: new RegExp(`Account disabled.*Grace Hopper ${suffix}`) }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('roles: an administrator sees each role’s permissions with their labels', async ({ page }) => {
    await signIn(page);
    await page.goto('/roles');
    await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Administrator' })).toBeVisible();
    await page.getByRole('tab', { name: 'User' }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel.getByRole('checkbox', { name: 'View users of my organization' })).toBeChecked();
    await expect(panel.getByRole('checkbox', { name: 'View the security audit log' })).not.toBeChecked();
    await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
    await panel.getByRole('checkbox', { name: 'View the security audit log' }).check();
    await expect(panel.getByRole('button', { name: 'Save' })).toBeEnabled();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('checkbox', { name: 'View the security audit log' })).not.toBeChecked();
    await expectNoAxeViolations(page);

    // Save: the change is kept (and put back afterwards, for the other tests).
    const auditLog = () =>
      page.getByRole('tabpanel').getByRole('checkbox', { name: 'View the security audit log' });
    await auditLog().check();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('tabpanel').getByRole('button', { name: 'Save' })).toBeDisabled();
    await page.reload();
    await page.getByRole('tab', { name: 'User' }).click();
    await expect(auditLog()).toBeChecked();
    await auditLog().uncheck();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('tabpanel').getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
