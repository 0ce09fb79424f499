import { type Browser, expect as baseExpect, type Page, test } from '@playwright/test';
import { createMember, e2eBaseUrl, expectNoAxeViolations, type Member, signIn } from './fixtures';

/**
 * What the browser tests did not look at: axe with menus, the calendar and dialogs open, on a
 * phone-sized screen too, for a user without an avatar; pages that hide what the viewer may not
 * use; words instead of codes; the sign-in page saying why the person is there.
 */

// Each walk signs in a new member in a browser of its own: slow on a busy machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

async function open(browser: Browser, member: Member | undefined, width = 1280) {
  const context = await browser.newContext({
    baseURL: e2eBaseUrl,
    viewport: { width, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await signIn(page, member);
  return page;
}

async function openUserMenu(page: Page, name: string) {
  const button = page.getByRole('banner').getByRole('button', { name, exact: true });
  await button.click();
  await expect(page.getByRole('menu')).toBeVisible();
}

test('the axe check fails on a violation, in the page and in an open dialog', async ({ page }) => {
  await signIn(page);
  await page.goto('/my-user');
  await expectNoAxeViolations(page);
  // A button without a name, as a dialog would add it: the check must name the rule.
  await page.evaluate(() => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', 'Broken');
    dialog.append(document.createElement('button'));
    document.body.append(dialog);
  });
  await baseExpect(expectNoAxeViolations(page)).rejects.toThrow(/button-name/);
});

test.describe('axe with menus, pickers and dialogs open', () => {
  for (const width of [1280, 390]) {
    test(`a user without an avatar, ${width} px wide: pages, the user menu, the birthday calendar`, async ({
      browser,
    }) => {
      const member = await createMember(browser, { prefix: 'axe' });
      const name = `${member.firstName} ${member.lastName}`;
      const page = await open(browser, member, width);
      for (const path of ['/', '/my-user', '/organizations']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      // The top-bar button is named by the person's name, at any width.
      await openUserMenu(page, name);
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');

      await page.goto('/my-user/edit');
      await page.getByRole('textbox', { name: 'Birthday' }).click();
      await expect(page.getByRole('button', { name: 'Previous month' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Choose the month' }).click();
      await expect(page.getByRole('button', { name: 'Choose the year' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  test('dialogs and the More Actions menu of an administrator', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'axe' });
    const page = await open(browser, undefined);
    await page.goto('/organizations');
    await page.getByRole('button', { name: 'Create Organization' }).click();
    await expect(page.getByRole('dialog', { name: 'Create Organization' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.goto(`/users/${member.id}`);
    await page.getByRole('button', { name: 'More Actions' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('menuitem', { name: 'Reset Password' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.goto('/users');
    await page.getByRole('button', { name: 'Create User' }).click();
    await expect(page.getByRole('dialog', { name: 'Create User' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    // The "Leave without saving?" question of the edit page.
    await page.goto(`/users/${member.id}/edit`);
    await page.getByLabel('Middle Name').fill('Changed');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

test.describe('pages hide what the viewer may not use', () => {
  test('a member without organizations.manage, roles.manage or audit.view', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'access' });
    const page = await open(browser, member);

    await page.goto('/organizations');
    await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeVisible();
    await expect(page.getByRole('cell').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create Organization' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Rename/ })).toHaveCount(0);

    await page.goto('/roles');
    await expect(page.getByRole('tab').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    for (const box of await page.getByRole('checkbox').all()) await expect(box).toBeDisabled();

    await page.goto('/audit-log');
    await expect(page.getByText('Viewing the audit log needs the permission')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    await page.goto('/users/me/edit');
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
    await page.context().close();
  });

  test('an administrator still sees them', async ({ browser }) => {
    const page = await open(browser, undefined);
    await page.goto('/organizations');
    await expect(page.getByRole('button', { name: 'Create Organization' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Rename / }).first()).toBeVisible();
    await page.goto('/roles');
    await expect(page.getByRole('button', { name: 'Save' }).first()).toBeVisible();
    await page.context().close();
  });
});

test.describe('words, not codes', () => {
  test('Recent Security Events reads "Account created", never an action code', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'words' });
    const page = await open(browser, member);
    await page.goto('/my-user');
    const events = page.getByRole('region', { name: 'Recent Security Events' });
    await expect(events.getByText('Account created')).toBeVisible();
    await expect(events).not.toContainText(/\b[a-z_]+\.[a-z_]+\b/);
    await page.context().close();
  });

  test('after resetting one’s own password, the sign-in page says why', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'words', role: 'Administrator' });
    const page = await open(browser, member);
    await page.goto(`/users/${member.id}`);
    await page.getByRole('button', { name: 'More Actions' }).click();
    await page.getByRole('menuitem', { name: 'Reset Password' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/login\?reason=password-reset/);
    await expect(page.getByRole('status')).toContainText('Your password was reset');
    await expect(page.getByRole('status')).toContainText(
      'Open the link we sent to your primary email address',
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
