import { expect, type Page, test } from '@playwright/test';
import { apiSend, createMember, expectNoAxeViolations, signIn } from './fixtures';

/** "28.11.26, 10:58": a German short date (my Date format; the default is medium) and 24-hour time. */
const germanDateTime = /\d{2}\.\d{2}\.\d{2}, \d{2}:\d{2}/;

/** The German short, Tokyo, 24-hour style the walk sets. */
const germanTokyo: Intl.DateTimeFormatOptions = {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Tokyo',
  hourCycle: 'h23',
};

async function pickOption(page: Page, combobox: string, typed: string, option: string | RegExp) {
  const field = page.getByRole('combobox', { name: combobox });
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** The German, Tokyo, short-date, 24-hour rendering of an instant the walk expects on every page. */
const inGermanTokyo = (iso: string) => new Intl.DateTimeFormat('de-DE', germanTokyo).format(new Date(iso));

/**
 * "Configure Interface, Email Settings and Integrations": My User → Configuration → System
 * Configuration; the locale, time zone, date, time and name formats set with Use Organization unticked,
 * Save Settings, and every page follows them for this user — German, Tokyo — whose locale and
 * zone differ from the browser's (Canadian French, São Paulo) and the organization's (the system
 * defaults, en-US and UTC); ticked again, the organization's value returns. Reset clears my values
 * after a confirmation. Axe-clean with the picker and the dialog open, at 1366 px and at 390 px.
 */
test.use({ locale: 'fr-CA', timezoneId: 'America/Sao_Paulo' });

test('Configuration: my locale and time zone apply on every page; Use Organization and Reset bring the organization’s back', async ({
  page,
  browser,
}) => {
  // A walk through six pages with four axe runs: minutes on these shared two-core machines.
  test.setTimeout(240_000);
  const member = await createMember(browser, { role: 'Administrator', prefix: 'configured' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, member);
  await page.goto('/my-user');
  await page.getByRole('link', { name: 'Configuration' }).click();
  await expect(page).toHaveURL('/my-configuration');
  // The page's code loads on first use: on a busy machine that takes a while.
  await expect(page.getByRole('heading', { level: 1, name: 'Configuration' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('applies only to you, and only in the current organization')).toBeVisible();
  const tree = page.getByRole('navigation', { name: 'Configuration tree' });
  await tree.getByRole('link', { name: 'System Configuration' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Localization' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Display Settings' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Email Configuration' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'Integrations' })).toBeVisible();

  const locale = page.getByRole('combobox', { name: 'Locale' });
  await expect(locale).toBeDisabled();
  // No level sets the Locale: the pages follow the browser's (fr-CA), and the hint says so.
  await expect(page.getByText('Not set anywhere, so your browser’s: fr-CA')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: 'Use Organization: Locale' }).uncheck();
  await expect(locale).toBeEnabled();
  // Unticking starts from the inherited value.
  await expect(locale).toHaveValue(/\(en-US\)$/);
  // The picker open, under axe.
  await locale.click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await pickOption(page, 'Locale', 'de-DE', /\(de-DE\)$/);
  await page.getByRole('checkbox', { name: 'Use Organization: Timezone' }).uncheck();
  await pickOption(page, 'Timezone', 'Asia/Tok', 'Asia/Tokyo');
  await page.getByRole('checkbox', { name: 'Use Organization: Date format' }).uncheck();
  await page.getByRole('combobox', { name: 'Date format' }).click();
  await page.getByRole('option', { name: 'Short', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Use Organization: Time format' }).uncheck();
  await page.getByRole('combobox', { name: 'Time format' }).click();
  await page.getByRole('option', { name: '24-hour (13:30)' }).click();
  await page.getByRole('checkbox', { name: 'Use Organization: Name format' }).uncheck();
  await page.getByRole('combobox', { name: 'Name format' }).click();
  await page.getByRole('option', { name: 'Last name, then first name' }).click();
  // The preview follows the fields before they are saved.
  await expect(page.getByTestId('preview-date')).toHaveText(germanDateTime);
  await expect(page.getByTestId('preview-name')).toHaveText(`${member.lastName} ${member.firstName}`);
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveValue(/\(de-DE\)$/);
  await expect(page.getByRole('combobox', { name: 'Timezone' })).toHaveValue('Asia/Tokyo');

  // Every page renders in German, in Tokyo time — not the browser's French and São Paulo time.
  const me = await (
    await page.request.get('/api/users/me', { headers: { accept: 'application/vnd.api+json' } })
  ).json();
  await page.goto('/my-user');
  const created = page.getByText('Created', { exact: true }).locator('xpath=following-sibling::*[1]');
  await expect(created).toHaveText(inGermanTokyo(me.data.attributes.createdAt));
  await page.goto('/users');
  const row = page.getByRole('row', { name: new RegExp(member.username) });
  await expect(row).toContainText(inGermanTokyo(me.data.attributes.lastSignInAt));
  // The Users grid writes names in my Name format.
  await expect(row).toContainText(`${member.lastName} ${member.firstName}`);
  await page.goto('/audit-log');
  await expect(page.locator('main time').first()).toHaveText(germanDateTime);
  await page.goto('/organizations');
  await expect(page.getByRole('row', { name: /Current/ }).first()).toContainText(/\d{2}\.\d{2}\.\d{2}(?!\d)/);
  // The Activity section: a call and an event of mine, in my date and time format and zone.
  const callAt = '2026-11-20T15:45:00.000Z';
  const call = await apiSend(page.request, 'POST', '/api/calls', {
    data: {
      type: 'calls',
      attributes: { subject: 'Walk call', phoneNumber: '+16502530000', callDateTime: callAt },
      relationships: { activityTargets: { data: [{ type: 'users', id: me.data.id }] } },
    },
  });
  expect(call.status(), await call.text()).toBe(201);
  const [eventStart, eventEnd] = ['2026-11-21T01:00:00.000Z', '2026-11-21T02:30:00.000Z'];
  const event = await apiSend(page.request, 'POST', '/api/calendarevents', {
    data: {
      type: 'calendarevents',
      attributes: { title: 'Walk event', start: eventStart, end: eventEnd, timeZone: 'UTC' },
    },
  });
  expect(event.status(), await event.text()).toBe(201);
  await page.goto('/my-user');
  const activity = page.getByRole('region', { name: 'Activity' }).getByRole('listitem');
  await expect(activity.filter({ hasText: 'Walk call' })).toContainText(inGermanTokyo(callAt));
  await expect(activity.filter({ hasText: 'Walk event' })).toContainText(
    new Intl.DateTimeFormat('de-DE', germanTokyo).formatRange(new Date(eventStart), new Date(eventEnd)),
  );
  // A mail for the outbox: this member's own password reset request.
  const requested = await apiSend(page.request, 'POST', '/api/password-reset-requests', {
    data: { type: 'password-reset-requests', attributes: { login: member.username } },
  });
  expect(requested.status(), await requested.text()).toBe(202);
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  // That mail, queued or sent: its time in German.
  await expect(page.getByRole('main').getByText(germanDateTime).first()).toBeVisible();

  // Use Organization again: the organization's (here the system's) locale returns.
  await page.goto('/my-configuration?section=localization');
  await page.getByRole('checkbox', { name: 'Use Organization: Locale' }).check();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toBeDisabled();
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Locale' })).toHaveValue(/\(en-US\)$/);

  // Reset clears every value of mine on the page, after a confirmation.
  await page.getByRole('button', { name: 'Reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset these settings?' });
  await expect(dialog).toBeVisible();
  // Dialogs keep the page's scrollbar (no width added back to <body>, which put them off centre)
  // and sit in the middle of the page.
  expect(await page.evaluate(() => document.body.hasAttribute('data-scroll-locked'))).toBe(false);
  const box = await dialog.boundingBox();
  const middle = await page.evaluate(() => document.documentElement.clientWidth / 2);
  expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - middle)).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText('Localization: your values were cleared.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Timezone' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Use Organization: Timezone' })).toBeChecked();

  // At 390 px the tree, the fields and Save Settings are all there.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Display Settings' }).click();
  await expect(page.getByRole('combobox', { name: 'Records per grid page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save Settings' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

/**
 * Organization Configuration: the administrator sees what the organization inherits from the
 * system, and a setting users may not override is shown to a member as set by the organization.
 */
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
