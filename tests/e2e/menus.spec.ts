import { type Browser, expect, type Page, test } from '@playwright/test';
import { createMember, e2eBaseUrl, expectNoAxeViolations, type Member, signIn } from './fixtures';

/**
 * "Configure Menus" of the user guide (issue 15 items 5–7): More Actions → Edit Menus, hide and
 * show an item, move one by keyboard and one by dragging, add a custom link, the top bar changing
 * at once, Reset; the shell at 390 px; axe with the editor, its dialogs and the menus open.
 */
test.describe.configure({ timeout: 180_000 });

async function open(browser: Browser, member: Member, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: e2eBaseUrl,
    viewport: { width, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await signIn(page, member);
  return page;
}

const mainLinks = (page: Page) =>
  page.getByRole('banner').getByRole('navigation', { name: 'Main' }).getByRole('link');
const tree = (page: Page, menu = 'Application Menu') => page.getByRole('list', { name: `Items of ${menu}` });

test('Configure Menus: hide, move by keyboard and by dragging, add a link, reset — the top bar follows at once', async ({
  browser,
}) => {
  const member = await createMember(browser, { role: 'Manager', prefix: 'menus' });
  const page = await open(browser, member);
  await page.goto('/my-user');
  await page.getByRole('button', { name: 'More Actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit Menus' }).click();
  await expect(page).toHaveURL('/my-menus');
  await expect(page.getByRole('heading', { level: 1, name: 'Menus' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Application Menu' })).toHaveAttribute('aria-selected', 'true');
  // A manager edits only their own menus: no organization level.
  await expect(page.getByRole('radiogroup', { name: 'Whose menus' })).toHaveCount(0);
  await expect(tree(page).getByRole('listitem')).toHaveCount(2);
  await expect(mainLinks(page)).toHaveText(['Users', 'Audit Log']);
  await expectNoAxeViolations(page);

  // Hide, then show again.
  await tree(page).getByRole('button', { name: 'Hide: Users' }).click();
  await expect(mainLinks(page)).toHaveText(['Audit Log']);
  await expect(tree(page).getByRole('listitem').first()).toContainText('Hidden');
  await tree(page).getByRole('button', { name: 'Show: Users' }).click();
  await expect(mainLinks(page)).toHaveText(['Users', 'Audit Log']);

  // Move by keyboard: focus stays with the moved item.
  await tree(page).getByRole('button', { name: 'Move Down: Users' }).focus();
  await page.keyboard.press('Enter');
  await expect(mainLinks(page)).toHaveText(['Audit Log', 'Users']);
  await expect(page.getByRole('status').filter({ hasText: 'Users moved.' })).toHaveCount(1);
  await expect(tree(page).getByRole('button', { name: 'Drag Users' })).toBeFocused();

  // Move by dragging the handle onto the row above.
  const handle = tree(page).getByRole('button', { name: 'Drag Users' });
  const target = tree(page).getByRole('listitem').first();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the rows are not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 10 });
  await page.mouse.up();
  await expect(mainLinks(page)).toHaveText(['Users', 'Audit Log']);

  // Add a custom link: a javascript: URL is refused in the form, an https: one is added.
  await page.getByRole('button', { name: 'Add Link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Link' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Team handbook');
  await dialog.getByRole('textbox', { name: 'URL' }).fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    dialog.getByText('Use a path in Atrium (starting with /) or an https:// address.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('textbox', { name: 'URL' }).fill('https://handbook.example.com/');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const handbook = page.getByRole('banner').getByRole('link', { name: 'Team handbook (opens in a new tab)' });
  await expect(handbook).toHaveAttribute('href', 'https://handbook.example.com/');
  await expect(handbook).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(tree(page).getByRole('listitem').last()).toContainText('Custom');
  await expectNoAxeViolations(page);

  // Other menus: hide My Configuration in the user menu.
  await page.getByRole('tab', { name: 'User Menu' }).click();
  await tree(page, 'User Menu').getByRole('button', { name: 'Hide: My Configuration' }).click();
  const userMenu = page
    .getByRole('banner')
    .getByRole('button', { name: `${member.firstName} ${member.lastName}` });
  await userMenu.click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText([
    'My User',
    'My Calendar',
    'My Tasks',
    'My Menus',
    'Logout',
  ]);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  // Reset the application menu: the definition again.
  await page.getByRole('tab', { name: 'Application Menu' }).click();
  await page.getByRole('button', { name: 'Reset Menu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset Application Menu?' });
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Reset' }).click();
  await expect(confirm).toBeHidden();
  await expect(mainLinks(page)).toHaveText(['Users', 'Audit Log']);
  await expect(page.getByRole('banner').getByRole('link', { name: /Team handbook/ })).toHaveCount(0);

  // Reset one item of the user menu.
  await page.getByRole('tab', { name: 'User Menu' }).click();
  await tree(page, 'User Menu').getByRole('button', { name: 'Reset: My Configuration' }).click();
  await userMenu.click();
  await expect(page.getByRole('menuitem', { name: 'My Configuration' })).toBeVisible();
  await page.context().close();
});

test('390 px: the application menu folds into a Menu button, the user menu stays, the editor works', async ({
  browser,
}) => {
  const member = await createMember(browser, { role: 'Manager', prefix: 'menus' });
  const page = await open(browser, member, 390);
  await page.goto('/my-menus');
  await expect(page.getByRole('heading', { level: 1, name: 'Menus' })).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(banner.getByRole('button', { name: `${member.firstName} ${member.lastName}` })).toBeVisible();
  const menuButton = banner.getByRole('button', { name: 'Menu', exact: true });
  await expect(menuButton).toBeVisible();
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);

  await tree(page).getByRole('button', { name: 'Move Down: Users' }).click();
  await menuButton.click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Audit Log', 'Users']);
  await expectNoAxeViolations(page);
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await expect(page).toHaveURL('/users');
  await page.context().close();
});
