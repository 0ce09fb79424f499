import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { admin, expectNoAxeViolations, mailedLink, signIn } from './fixtures';

/**
 * The user guide's "Review Your Profile", "Edit Your Profile" and "Change Your Password", in
 * Chromium against the real server, with the guide's labels; axe on every page. Each walk uses a
 * user of its own, made by the administrator through the public API (POST /api/users), so the
 * administrator's own profile is never changed.
 */
const JSONAPI = 'application/vnd.api+json';

type Person = {
  id: string;
  username: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
};

/** An unsafe API call as the signed-in browser context (CSRF token from the session). */
async function apiSend(request: APIRequestContext, method: 'POST' | 'PATCH', url: string, body: unknown) {
  const current = await request.get('/api/sessions/current', { headers: { accept: JSONAPI } });
  const csrfToken = (await current.json()).data.attributes.csrfToken as string;
  return request.fetch(url, {
    method,
    headers: { 'content-type': JSONAPI, accept: JSONAPI, 'x-csrf-token': csrfToken },
    data: JSON.stringify(body),
  });
}

/** The server's origin, as the project configures it (playwright.config.ts). */
function baseUrl(): string {
  return test.info().project.use.baseURL as string;
}

let sequence = 0;
/** A new member of the administrator's organization with the User role, signed in nowhere yet. */
async function createPerson(browser: Browser): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  try {
    const page = await context.newPage();
    await signIn(page);
    const roles = await (await page.request.get('/api/roles', { headers: { accept: JSONAPI } })).json();
    const userRole = roles.data.find(
      (role: { attributes: { name: string } }) => role.attributes.name === 'User',
    );
    const suffix = `${Date.now().toString(36)}${sequence++}`;
    const person = {
      username: `profile_${suffix}`,
      email: `profile_${suffix}@example.com`,
      password: 'Meadow-Lantern-Quiet-2931',
      firstName: 'Robin',
      lastName: `Example ${suffix}`,
    };
    const created = await apiSend(page.request, 'POST', '/api/users', {
      data: {
        type: 'users',
        attributes: { ...person, mustChangePassword: false },
        relationships: { roles: { data: [{ type: 'roles', id: userRole.id }] } },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return { id: (await created.json()).data.id, ...person };
  } finally {
    await context.close();
  }
}

/** Defines a custom user field as the administrator (once per run; a second call finds it). */
async function ensureCustomField(page: Page, attributes: Record<string, unknown>) {
  const list = await (await page.request.get('/api/custom-fields', { headers: { accept: JSONAPI } })).json();
  if (list.data.some((field: { attributes: { name: string } }) => field.attributes.name === attributes.name))
    return;
  const created = await apiSend(page.request, 'POST', '/api/custom-fields', {
    data: { type: 'custom-fields', attributes },
  });
  expect(created.status(), await created.text()).toBe(201);
}

const verificationLinkFor = (address: string) => mailedLink(address, 'verify-email');

async function openMyUser(page: Page, person: Pick<Person, 'firstName' | 'lastName'>) {
  await page.goto('/');
  await page
    .getByRole('banner')
    .getByRole('button', { name: `${person.firstName} ${person.lastName}` })
    .click();
  await page.getByRole('menuitem', { name: 'My User' }).click();
  await expect(page).toHaveURL('/my-user');
}

const picture = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();

test.describe('My User', () => {
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    await signIn(page);
    await ensureCustomField(page, {
      name: 'shirt_size',
      label: 'Shirt Size',
      fieldType: 'choice',
      choices: ['S', 'M', 'L'],
    });
    await ensureCustomField(page, { name: 'nickname', label: 'Nickname', fieldType: 'text' });
    await ensureCustomField(page, { name: 'works_remotely', label: 'Works Remotely', fieldType: 'boolean' });
    await context.close();
  });

  test('an administrator defines the Additional fields on the Custom User Fields page', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await page
      .getByRole('banner')
      .getByRole('button', { name: `${admin.firstName} ${admin.lastName}` })
      .click();
    await page.getByRole('menuitem', { name: 'Custom User Fields' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Custom User Fields' })).toBeVisible();
    await expectNoAxeViolations(page);

    const existing = await (
      await page.request.get('/api/custom-fields', { headers: { accept: JSONAPI } })
    ).json();
    if (!existing.data.some((field: { attributes: { name: string } }) => field.attributes.name === 'team')) {
      await page.getByRole('button', { name: 'Add Field' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add Field' });
      await dialog.getByRole('textbox', { name: 'Label' }).fill('Team');
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('team');
      await dialog.getByRole('combobox', { name: 'Type' }).click();
      await page.getByRole('option', { name: 'Choice list' }).click();
      await dialog.getByRole('textbox', { name: 'Choices' }).fill('Sales\nSupport\nEngineering');
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(page.getByRole('row', { name: /Team/ })).toContainText('Sales, Support, Engineering');
    await page.getByRole('button', { name: 'Edit Team' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “Team”' });
    await expect(edit.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
    await edit.getByRole('checkbox', { name: 'Required' }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('row', { name: /Team/ })).toContainText('Required');
    // Back to optional, so other walks are not held up by it.
    await page.getByRole('button', { name: 'Edit Team' }).click();
    await page
      .getByRole('dialog', { name: 'Edit “Team”' })
      .getByRole('checkbox', { name: 'Required' })
      .uncheck();
    await page.getByRole('dialog', { name: 'Edit “Team”' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row', { name: /Team/ })).not.toContainText('Required');
    await expect(page.getByRole('row', { name: /Shirt Size/ })).toContainText('S, M, L');
  });

  test('Review Your Profile: user menu → My User', async ({ page, browser }) => {
    const person = await createPerson(browser);
    await signIn(page, person);
    await openMyUser(page, person);

    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(
      `${person.firstName} ${person.lastName}`,
    );
    await expect(page).toHaveTitle('My User · Atrium');
    await expect(main.getByRole('link', { name: 'Edit' })).toBeVisible();
    const general = main.getByRole('region', { name: 'General Information' });
    await expect(general).toContainText(person.username);
    await expect(general.getByRole('link', { name: person.email })).toHaveAttribute(
      'href',
      `mailto:${person.email}`,
    );
    await expect(general.getByRole('button', { name: `Copy ${person.email}` })).toBeVisible();
    await expect(general.getByText('API Key')).toBeVisible();
    await expect(main.getByText('Active', { exact: true })).toBeVisible();
    await expect(main.getByText('User', { exact: true })).toBeVisible();
    await expect(main.getByRole('region', { name: 'Additional Information' })).toContainText('Shirt Size');
    await expect(main.getByRole('region', { name: 'Signed-in Devices' })).toContainText('This device');
    await expect(main.getByRole('region', { name: 'Recent Security Events' })).toContainText('Signed in');
    await expectNoAxeViolations(page);
  });

  test("the browser's Back with unsaved changes asks first, and Leave goes back", async ({
    page,
    browser,
  }) => {
    const person = await createPerson(browser);
    await signIn(page, person);
    await openMyUser(page, person);
    await page.getByRole('main').getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL('/my-user/edit');
    await page.getByLabel('Middle Name').fill('Changed');

    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await page.goBack();
    await expect(leave).toBeVisible();
    await expect(page).toHaveURL('/my-user/edit');
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(leave).toBeHidden();
    await expect(page.getByLabel('Middle Name')).toHaveValue('Changed');

    await page.goBack();
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Leave without saving' }).click();
    await expect(page).toHaveURL('/my-user');
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
      `${person.firstName} ${person.lastName}`,
    );
  });

  test('Edit Your Profile: every General field, avatar, emails, Additional, Save and Save and Close', async ({
    page,
    browser,
  }) => {
    // A long walk (every field, an upload, a mailed link): more than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    const person = await createPerson(browser);
    await signIn(page, person);
    await openMyUser(page, person);
    await page.getByRole('main').getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL('/my-user/edit');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit My User' })).toBeVisible();
    await expectNoAxeViolations(page);

    // General
    await page.getByRole('tab', { name: 'General' }).click();
    const newUsername = `${person.username}_edited`;
    await page.getByLabel('Username').fill(newUsername);
    await page.getByLabel('Name Prefix').fill('Dr.');
    await page.getByLabel('First Name').fill('Zoë');
    await page.getByLabel('Middle Name').fill('שָׁלוֹם');
    await page.getByLabel('Last Name').fill(`Lovelace ${person.lastName}`);
    await page.getByLabel('Name Suffix').fill('Jr. 🎉');
    // Birthday: the calendar pops up, and typing in the locale's format (en-US) works too.
    const birthday = page.getByRole('textbox', { name: 'Birthday' });
    await birthday.click();
    await expect(
      page.getByRole('dialog').or(page.locator('.mantine-Popover-dropdown')).first(),
    ).toBeVisible();
    await birthday.fill('12/31/1990');
    await page.getByLabel('Phone').click();
    await expect(birthday).toHaveValue('12/31/1990');
    // Avatar
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose File' }).click();
    await (await chooser).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: await picture() });
    await expect(page.getByText('me.png — saved when you click Save')).toBeVisible();
    // Primary Email asks for the current password
    const newEmail = `edited_${person.email}`;
    await page.getByLabel('Primary Email').fill(newEmail);
    await page.getByLabel('Current Password').fill(person.password);
    // Emails: Add Another Email twice, then remove one with the x
    const keep = `keep_${person.email}`;
    await page.getByRole('button', { name: 'Add Another Email' }).click();
    await page.getByRole('textbox', { name: 'Email 1', exact: true }).fill(keep);
    await page.getByRole('button', { name: 'Add Another Email' }).click();
    await page.getByRole('textbox', { name: 'Email 2', exact: true }).fill(`drop_${person.email}`);
    await page.getByRole('button', { name: /^Remove email 2/ }).click();
    await expect(page.getByRole('textbox', { name: 'Email 2', exact: true })).toHaveCount(0);
    await page.getByLabel('Phone').fill('(415) 555-2671');
    await expectNoAxeViolations(page);

    // A server error lands beside its field, and nothing is saved.
    await page.getByLabel('Username').fill(admin.username);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      page.getByText('This username is already taken, or looks the same as one that is.'),
    ).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Username').fill(newUsername);

    // Save stays on the page with a confirmation.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    await expect(page).toHaveURL('/my-user/edit');
    await page.getByRole('button', { name: 'Close the notification' }).click();
    await expect(page.getByText('Your profile was saved.')).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Email 1', exact: true })).toHaveValue(keep);
    await expect(page.getByText('Unverified')).toBeVisible();

    // Additional
    await page.getByRole('tab', { name: 'Additional' }).click();
    await page.getByRole('combobox', { name: 'Shirt Size' }).click();
    await page.getByRole('option', { name: 'M', exact: true }).click();
    await page.getByLabel('Nickname').fill('Zo 👩🏽‍💻');
    await page.getByLabel('Works Remotely').check();
    await expectNoAxeViolations(page);

    // Leaving with unsaved changes asks first.
    await page.getByRole('link', { name: 'Cancel' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page).toHaveURL('/my-user/edit');

    // Save and Close returns to the view page.
    await page.getByRole('button', { name: 'Save and Close' }).click();
    await expect(page).toHaveURL('/my-user');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(
      `Dr. Zoë שָׁלוֹם Lovelace ${person.lastName} Jr. 🎉`,
    );
    const general = main.getByRole('region', { name: 'General Information' });
    await expect(general).toContainText(newUsername);
    await expect(general).toContainText('December 31, 1990');
    await expect(general.getByRole('link', { name: newEmail })).toHaveAttribute('href', `mailto:${newEmail}`);
    await expect(general.getByRole('link', { name: '(415) 555-2671' })).toHaveAttribute(
      'href',
      'tel:+14155552671',
    );
    await expect(general.getByText('Unverified')).toBeVisible();
    await expect(main.locator('img[src*="/avatar?size=256"]')).toBeVisible();
    const additional = main.getByRole('region', { name: 'Additional Information' });
    await expect(additional).toContainText('M');
    await expect(additional).toContainText('Zo 👩🏽‍💻');
    await expect(additional).toContainText('Yes');
    await expectNoAxeViolations(page);

    // The emailed link verifies the new address.
    const link = await verificationLinkFor(keep);
    expect(link.startsWith(`${baseUrl()}/verify-email#token=`)).toBe(true);
    await page.goto(link);
    await expect(page.getByText('Your email address is verified')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Go to My User' }).click();
    await expect(
      page.getByRole('region', { name: 'General Information' }).getByText('Unverified'),
    ).toHaveCount(0);

    // The profile as the API sees it.
    const profile = await (await page.request.get('/api/users/me', { headers: { accept: JSONAPI } })).json();
    expect(profile.data.attributes).toMatchObject({
      username: newUsername,
      namePrefix: 'Dr.',
      firstName: 'Zoë',
      middleName: 'שָׁלוֹם',
      nameSuffix: 'Jr. 🎉',
      birthday: '1990-12-31',
      email: newEmail,
      additionalEmails: [{ email: keep, verified: true }],
      phone: '+14155552671',
      customFields: { shirt_size: 'M', nickname: 'Zo 👩🏽‍💻', works_remotely: true },
    });
  });

  test('a change made meanwhile in another tab is not overwritten (412, then Reload)', async ({
    page,
    browser,
  }) => {
    const person = await createPerson(browser);
    await signIn(page, person);
    await page.goto('/my-user/edit');
    const other = await page.context().newPage();
    await other.goto('/my-user/edit');
    await other.getByLabel('First Name').fill('Other Tab');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(other.getByText('Your profile was saved.')).toBeVisible();

    await page.getByLabel('First Name').fill('This Tab');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This user was changed meanwhile' });
    await expect(alert).toBeVisible();
    await expectNoAxeViolations(page);
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByLabel('First Name')).toHaveValue('Other Tab');
  });

  test('Change Your Password: Edit → Password → Save', async ({ page, browser }) => {
    const person = await createPerson(browser);
    await signIn(page, person);
    await openMyUser(page, person);
    await page.getByRole('main').getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('tab', { name: 'Password' }).click();
    const newPassword = 'Orchard-Violet-Harbor-5521';
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
    await page.getByRole('textbox', { name: 'New Password', exact: true }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Repeat New Password' }).fill(newPassword);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save and Close' }).click();
    await expect(page).toHaveURL('/my-user');
    // The password, not "the profile", was saved.
    await expect(
      page.getByText('Your password was changed. Your other sessions were signed out.'),
    ).toBeVisible();
    // Still signed in here (the session was rotated), and the new password is the one that works.
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    const fresh = await browser.newContext({ baseURL: baseUrl() });
    await signIn(await fresh.newPage(), { username: person.username, password: newPassword });
    await fresh.close();
  });

  test('Birthday typed in the German format in a de-DE browser', async ({ browser }) => {
    const person = await createPerson(browser);
    const context = await browser.newContext({ baseURL: baseUrl(), locale: 'de-DE' });
    const page = await context.newPage();
    await signIn(page, person);
    await page.goto('/my-user/edit');
    await page.getByRole('textbox', { name: 'Birthday' }).fill('31.12.1990');
    await page.getByLabel('Phone').click();
    await expect(page.getByRole('textbox', { name: 'Birthday' })).toHaveValue('31.12.1990');
    await page.getByRole('button', { name: 'Save and Close' }).click();
    await expect(page).toHaveURL('/my-user');
    await expect(page.getByRole('region', { name: 'General Information' })).toContainText(
      '31. Dezember 1990',
    );
    const profile = await (await page.request.get('/api/users/me', { headers: { accept: JSONAPI } })).json();
    expect(profile.data.attributes.birthday).toBe('1990-12-31');
    await context.close();
  });

  test('an administrator opens a user from /users/{id} and sees More Actions', async ({ page, browser }) => {
    const person = await createPerson(browser);
    await signIn(page);
    await page.goto(`/users/${person.id}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
      `${person.firstName} ${person.lastName}`,
    );
    await page.getByRole('button', { name: 'More Actions' }).click();
    await expect(page.getByRole('menuitem', { name: 'Change Password' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Reset Password' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('main').getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(`/users/${person.id}/edit`);
    await expect(page.getByRole('tab', { name: 'Password' })).toHaveCount(0);
    await page.getByLabel('Last Name').fill('Renamed By Admin');
    await page.getByRole('button', { name: 'Save and Close' }).click();
    await expect(page).toHaveURL(`/users/${person.id}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
      `${person.firstName} Renamed By Admin`,
    );
  });
});
