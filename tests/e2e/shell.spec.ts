import { expect, test } from '@playwright/test';
import { admin, expectNoAxeViolations, signIn } from './fixtures';

const adminName = `${admin.firstName} ${admin.lastName}`;

test.describe('the web shell', () => {
  test('the home page shows the top bar, the user menu and the content area', async ({ page }) => {
    await signIn(page);
    await page.goto('/');

    await expect(page).toHaveTitle('Home · Atrium');
    const topBar = page.getByRole('banner');
    await expect(topBar.getByRole('link', { name: 'Atrium' })).toHaveAttribute('href', '/');
    const userMenu = topBar.getByRole('button', { name: adminName });
    await expect(userMenu).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
      `Welcome, ${admin.firstName}`,
    );
    await expectNoAxeViolations(page);

    await userMenu.click();
    await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText([
      'My User',
      'My Configuration',
      'My Calendar',
      'My Tasks',
      'My Menus',
      'Custom User Fields',
      'Password policy',
      'Email Templates',
      'Outbox',
      'Logout',
    ]);
    await expectNoAxeViolations(page);
  });

  test('the user menu works by keyboard', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    const userMenu = page.getByRole('banner').getByRole('button', { name: adminName });
    await userMenu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'My User' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(userMenu).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'My User' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'My Configuration' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/my-configuration');
  });

  test('Logout ends the session and opens the sign-in page', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await page.getByRole('banner').getByRole('button', { name: adminName }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();

    await expect(page).toHaveURL('/login');
    const session = await page.request.get('/api/sessions/current', {
      headers: { accept: 'application/vnd.api+json' },
    });
    expect(session.status()).toBe(401);
  });

  test('a signed-out visitor is sent to sign in, and back afterwards', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/login');

    await page.goto('/?view=recent#top');
    await expect(page).toHaveURL('/login?next=%2F%3Fview%3Drecent%23top');
  });

  test('an unknown address shows the not-found page with a way home', async ({ page }) => {
    await page.goto('/no/such/page');

    await expect(page).toHaveTitle('Page not found · Atrium');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('banner')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page).not.toHaveURL(/no\/such\/page/);
  });

  test('Tab reaches the skip link first, and it moves focus to the content', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('the server keeps /api to the API and serves the reset page privately', async ({ request }) => {
    const api = await request.get('/api/no-such-resource', { headers: { accept: 'text/html' } });
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/vnd.api+json');

    const reset = await request.get('/password-reset', { headers: { accept: 'text/html' } });
    expect(reset.status()).toBe(200);
    expect(reset.headers()['content-type']).toContain('text/html');
    expect(reset.headers()['cache-control']).toBe('no-store');
    expect(reset.headers()['referrer-policy']).toBe('no-referrer');
  });
});

test('pages fit a 390 px phone: only a table scrolls sideways, inside its own box', async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/my-user', '/users', '/my-tasks', '/admin/outbox', '/audit-log', '/my-calendar']) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    // Tables, grids and sections that load after the heading have their say too.
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: path })
      .toBeLessThanOrEqual(390);
  }
});
