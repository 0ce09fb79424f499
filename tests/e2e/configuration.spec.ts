import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './fixtures';

/**
 * "Configure Interface …": user menu → My Configuration; a personal value is set (no longer "Use
 * Organization"), saved with **Save Settings**, still there after a reload, shown on My User
 * (German dates, Berlin time), and can fall back again.
 */
test('My Configuration: set my locale and time zone, then use the organization’s again', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Admin User' }).click();
  await page.getByRole('menuitem', { name: 'My Configuration' }).click();
  await expect(page).toHaveURL('/my-configuration');
  await expect(page.getByRole('heading', { name: 'My Configuration' })).toBeVisible();
  const locale = page.getByRole('combobox', { name: 'Locale' });
  await expect(locale).toBeDisabled();
  await expectNoAxeViolations(page);

  const useOrganization = page.getByRole('checkbox', { name: 'Use Organization' });
  await useOrganization.first().uncheck();
  await expect(locale).toBeEnabled();
  await locale.click();
  await page.getByRole('option', { name: /\(de-DE\)$/ }).click();
  await useOrganization.nth(1).uncheck();
  const timezone = page.getByRole('combobox', { name: 'Timezone' });
  await timezone.fill('Europe/Berl');
  await page.getByRole('option', { name: 'Europe/Berlin' }).click();
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await expect(page.getByText('Localization: settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveValue(/\(de-DE\)$/);
  await expect(page.getByRole('combobox', { name: 'Timezone' })).toHaveValue('Europe/Berlin');
  await expectNoAxeViolations(page);

  // My User now shows its dates in German, in Berlin time: "28.11.2026, 10:58"
  await page.goto('/my-user');
  const created = page.getByText('Created', { exact: true }).locator('xpath=following-sibling::*[1]');
  await expect(created).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

  await page.goto('/my-configuration');
  await page.getByRole('checkbox', { name: 'Use Organization' }).first().check();
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await expect(page.getByText('Localization: settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveValue(/\(en-US\)$/);
});
