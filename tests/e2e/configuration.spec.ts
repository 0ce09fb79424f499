import { expect, test } from '@playwright/test';
import { apiSend, createMember, expectNoAxeViolations, signIn } from './fixtures';

test('Organization Configuration: a key users may not override is locked for members', async ({
  page,
  browser,
}) => {
  const member = await createMember(browser, { prefix: 'locked' });
  await signIn(page);
  await page.goto('/configuration/organization?section=display');
  await expect(page.getByRole('heading', { level: 1, name: 'Organization Configuration' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Use System: Records per grid page' })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: 'Users may override: Records per grid page' }).uncheck();
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  try {
    const context = await browser.newContext();
    const memberPage = await context.newPage();
    await signIn(memberPage, member);
    await memberPage.goto('/my-configuration?section=display');
    await expect(memberPage.getByRole('combobox', { name: 'Records per grid page' })).toBeDisabled();
    await expect(memberPage.getByText('Set by your organization for everyone: 25')).toBeVisible();
    await context.close();
  } finally {
    const restored = await apiSend(page.request, 'PATCH', '/api/settings/configuration.locked_keys', {
      data: {
        type: 'settings',
        id: 'configuration.locked_keys',
        attributes: { scope: 'organization', value: null },
      },
    });
    expect(restored.status()).toBe(200);
  }
});
