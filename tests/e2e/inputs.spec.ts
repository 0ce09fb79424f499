import { type Browser, expect as baseExpect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { isoDateIn } from '../../common/dates';
import { apiSend, createMember, e2eBaseUrl, type Member, setOwnSetting, signIn } from './fixtures';

/**
 * Edit My User's inputs: typed dates are read in the viewer's own locale and calendar (My
 * Configuration, not the browser's language), a typed text that is no date (or out of range) is
 * reported beside the field and blocks Save, and what can be checked at once (an avatar file, a
 * phone number) is checked when chosen or left, not after Save.
 */
const JSONAPI = 'application/vnd.api+json';

async function storedBirthday(page: Page): Promise<string | null> {
  const profile = await (await page.request.get('/api/users/me', { headers: { accept: JSONAPI } })).json();
  return profile.data.attributes.birthday;
}

/** A page of the member, in a browser whose own language and time zone are given. */
async function open(
  browser: Browser,
  member: Member,
  options: { locale?: string; timezoneId?: string } = {},
) {
  const context = await browser.newContext({
    baseURL: e2eBaseUrl,
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'UTC',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await signIn(page, member);
  return page;
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// Each walk signs in a new member in a browser of its own: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe('typed dates', () => {
  test('a birthday that is not a date is reported and not saved, nor the stored one deleted', async ({
    browser,
  }) => {
    const member = await createMember(browser, { prefix: 'dates', profile: { birthday: '1990-12-31' } });
    const page = await open(browser, member);
    await page.goto('/my-user/edit');
    const birthday = page.getByRole('textbox', { name: 'Birthday' });
    await expect(birthday).toHaveValue('12/31/1990');
    await birthday.fill('');
    await birthday.pressSequentially('02/30/1981');
    await page.getByLabel('Phone').click();
    // The text stays as typed, with the reason beside it.
    await expect(birthday).toHaveValue('02/30/1981');
    await expect(birthday).toHaveAccessibleDescription(/This is not a date\. Type it as MM\/DD\/YYYY/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'General (1 to fix)' })).toBeVisible();
    await expect(page.getByText('Your profile was saved.')).toHaveCount(0);
    expect(await storedBirthday(page)).toBe('1990-12-31');

    // A date in the future is refused the same way.
    await birthday.fill('12/31/2999');
    await page.getByLabel('Phone').click();
    await expect(birthday).toHaveAccessibleDescription(/The birthday cannot be in the future\./);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toHaveCount(0);
    expect(await storedBirthday(page)).toBe('1990-12-31');

    // A real date saves.
    await birthday.fill('2/28/1981');
    await page.getByLabel('Phone').click();
    await expect(birthday).toHaveValue('02/28/1981');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    expect(await storedBirthday(page)).toBe('1981-02-28');
    await page.context().close();
  });

  test('the Audit Log’s From and To are typed in the viewer’s locale; a date that is not one filters nothing', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: e2eBaseUrl,
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await signIn(page);
    await page.goto('/audit-log');
    await expect(page.getByRole('cell').first()).toBeVisible();
    const from = page.getByRole('textbox', { name: 'From' });
    await from.pressSequentially('02/30/2026');
    await page.getByRole('textbox', { name: 'To' }).click();
    await expect(from).toHaveValue('02/30/2026');
    await expect(from).toHaveAccessibleDescription(/This is not a date/);
    // Nothing was filtered by it: the events are still there.
    await expect(page.getByText('No events match these filters.')).toHaveCount(0);
    await from.fill('');
    await from.pressSequentially('12/31/2999');
    await page.getByRole('textbox', { name: 'To' }).click();
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await context.close();
  });

  test('a custom date field that is not a date blocks Save on the Additional tab', async ({ browser }) => {
    const adminPage = await (await browser.newContext({ baseURL: e2eBaseUrl })).newPage();
    await signIn(adminPage);
    const list = await (
      await adminPage.request.get('/api/custom-fields', { headers: { accept: JSONAPI } })
    ).json();
    if (
      !list.data.some((field: { attributes: { name: string } }) => field.attributes.name === 'started_on')
    ) {
      const created = await apiSend(adminPage.request, 'POST', '/api/custom-fields', {
        data: {
          type: 'custom-fields',
          attributes: { name: 'started_on', label: 'Started On', fieldType: 'date' },
        },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
    await adminPage.context().close();

    const member = await createMember(browser, { prefix: 'dates' });
    const page = await open(browser, member);
    await page.goto('/my-user/edit');
    await page.getByRole('tab', { name: 'Additional' }).click();
    const field = page.getByRole('textbox', { name: 'Started On' });
    await field.fill('13/45/2020');
    await page.getByRole('tab', { name: 'Additional' }).click();
    await expect(field).toHaveAccessibleDescription(/This is not a date/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Additional (1 to fix)' })).toBeVisible();
    await expect(page.getByText('Your profile was saved.')).toHaveCount(0);
    await field.fill('03/15/2020');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    const profile = await (await page.request.get('/api/users/me', { headers: { accept: JSONAPI } })).json();
    expect(profile.data.attributes.customFields.started_on).toBe('2020-03-15');
    await page.context().close();
  });

  test('the user’s locale, not the browser’s, on a direct load: en-GB in an en-US browser', async ({
    browser,
  }) => {
    const member = await createMember(browser, { prefix: 'dates', profile: { birthday: '1990-01-03' } });
    const page = await open(browser, member, { locale: 'en-US' });
    await setOwnSetting(page, 'localization.locale', 'en-GB');
    await page.goto('/my-user/edit');
    await page.reload();
    const birthday = page.getByRole('textbox', { name: 'Birthday' });
    await expect(birthday).toHaveValue('03/01/1990');
    await expect(birthday).toHaveAccessibleDescription(/Pick a date or type it as DD\/MM\/YYYY/);
    await birthday.fill('03/01/1991');
    await page.getByLabel('Phone').click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    expect(await storedBirthday(page)).toBe('1991-01-03');
    await page.context().close();
  });

  for (const { locale, shown, typed, saved } of [
    { locale: 'bg-BG', shown: '31.12.1989 г.', typed: '15.06.1985 г.', saved: '1985-06-15' },
    { locale: 'th-TH', shown: '31/12/2532', typed: '21/3/2534', saved: '1991-03-21' },
    { locale: 'fa-IR', shown: '۱۳۶۸/۱۰/۱۰', typed: '۱۳۷۰/۰۱/۰۱', saved: '1991-03-21' },
  ]) {
    test(`the locale’s own format, calendar and digits: ${locale}`, async ({ browser }) => {
      const member = await createMember(browser, { prefix: 'dates', profile: { birthday: '1989-12-31' } });
      const page = await open(browser, member);
      await setOwnSetting(page, 'localization.locale', locale);
      await page.goto('/my-user/edit');
      const birthday = page.getByRole('textbox', { name: 'Birthday' });
      await expect(birthday).toHaveValue(shown);
      await birthday.fill(typed);
      await page.getByLabel('Phone').click();
      await expect(birthday).not.toHaveAccessibleDescription(/not a date/);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText('Your profile was saved.')).toBeVisible();
      expect(await storedBirthday(page)).toBe(saved);
      await page.context().close();
    });
  }

  test('"in the future" is judged in the user’s time zone, not the browser’s', async ({ browser }) => {
    // Kiritimati (UTC+14) and UTC−12 are always a calendar day or more apart.
    const earliest = isoDateIn('Pacific/Kiritimati');
    const [y, m, d] = earliest.split('-');
    const typedEarliest = `${m}/${d}/${y}`;
    const [ny, nm, nd] = nextDay(earliest).split('-');
    const typedAfter = `${nm}/${nd}/${ny}`;

    const ahead = await createMember(browser, { prefix: 'dates' });
    const page = await open(browser, ahead, { timezoneId: 'UTC' });
    await setOwnSetting(page, 'localization.timezone', 'Pacific/Kiritimati');
    await page.goto('/my-user/edit');
    const birthday = page.getByRole('textbox', { name: 'Birthday' });
    await birthday.fill(typedAfter);
    await page.getByLabel('Phone').click();
    await expect(birthday).toHaveAccessibleDescription(/in the future/);
    await birthday.fill(typedEarliest);
    await page.getByLabel('Phone').click();
    await expect(birthday).not.toHaveAccessibleDescription(/in the future/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    expect(await storedBirthday(page)).toBe(earliest);
    await page.context().close();

    const behind = await createMember(browser, { prefix: 'dates' });
    const other = await open(browser, behind, { timezoneId: 'UTC' });
    await setOwnSetting(other, 'localization.timezone', 'Etc/GMT+12');
    await other.goto('/my-user/edit');
    const field = other.getByRole('textbox', { name: 'Birthday' });
    await field.fill(typedEarliest);
    await other.getByLabel('Phone').click();
    await expect(field).toHaveAccessibleDescription(/The birthday cannot be in the future\./);
    await other.context().close();
  });
});

test.describe('checked at once, beside the field', () => {
  test('an avatar file that is no picture, or too large, is refused when chosen', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'inputs' });
    const page = await open(browser, member);
    await page.goto('/my-user/edit');
    const avatar = page.getByRole('group', { name: 'Avatar' });
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose File' }).click();
      await (await chooser).setFiles(file);
    };
    await choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.getByText('notes.txt is not a PNG, JPEG, WebP or GIF picture.')).toBeVisible();
    await expect(avatar.getByText('saved when you click Save')).toHaveCount(0);

    await choose({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
    await expect(page.getByText('broken.png cannot be read as a picture.')).toBeVisible();

    const huge = await sharp({
      create: { width: 1400, height: 1400, channels: 3, background: { r: 10, g: 20, b: 30 } },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    await choose({ name: 'huge.png', mimeType: 'image/png', buffer: huge });
    await expect(page.getByText('huge.png is larger than 5 MB.')).toBeVisible();

    const small = await sharp({
      create: { width: 64, height: 64, channels: 3, background: { r: 40, g: 90, b: 160 } },
    })
      .png()
      .toBuffer();
    await choose({ name: 'me.png', mimeType: 'image/png', buffer: small });
    await expect(page.getByText('me.png — saved when you click Save')).toBeVisible();
    await expect(page.getByText(/is not a PNG|cannot be read|larger than 5 MB/)).toHaveCount(0);
    await page.context().close();
  });

  test('a malformed phone number is reported when the field is left', async ({ browser }) => {
    const member = await createMember(browser, { prefix: 'inputs' });
    const page = await open(browser, member);
    await page.goto('/my-user/edit');
    const phone = page.getByRole('textbox', { name: 'Phone' });
    await phone.fill('12');
    await page.getByLabel('Primary Email').click();
    await expect(phone).toHaveAccessibleDescription(/This is not a valid phone number for US/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toHaveCount(0);
    await phone.fill('+1 415 555 2671');
    await expect(phone).not.toHaveAccessibleDescription(/not a valid/);
    await page.getByLabel('Primary Email').click();
    await expect(phone).not.toHaveAccessibleDescription(/not a valid/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your profile was saved.')).toBeVisible();
    await page.context().close();
  });
});
