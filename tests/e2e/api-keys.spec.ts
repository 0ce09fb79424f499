import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { admin, e2eBaseUrl, expectNoAxeViolations, signIn } from './fixtures';

/**
 * "Generate an API Key" end to end, in Chromium against the real server: on My User → General
 * Information the API Key field generates a key, shows it once with a copy button and a curl
 * command, regenerates it after a confirmation and revokes it — and the key really works (or stops
 * working) over HTTP. Then the sandbox at /api/doc: Authorize with a key, Try it out, 200.
 */
const JSONAPI = 'application/vnd.api+json';
const KEY = /^atr_[0-9A-Za-z]{33}$/;

let sequence = 0;

/** A fresh user (so that nothing here touches the administrator's own key), made by the admin over the API. */
async function createUser(request: APIRequestContext) {
  const session = await request.post('/api/sessions', {
    headers: { 'content-type': JSONAPI },
    data: JSON.stringify({
      data: { type: 'sessions', attributes: { login: admin.username, password: admin.password } },
    }),
  });
  expect(session.status(), await session.text()).toBe(201);
  const csrfToken = (await session.json()).data.attributes.csrfToken;
  const username = `key_${Date.now().toString(36)}${sequence++}`;
  const password = 'a long pass phrase for keys';
  const created = await request.post('/api/users', {
    headers: { 'content-type': JSONAPI, 'x-csrf-token': csrfToken },
    data: JSON.stringify({
      data: {
        type: 'users',
        attributes: {
          username,
          email: `${username}@example.com`,
          firstName: 'Kay',
          lastName: 'Holder',
          password,
          mustChangePassword: false,
        },
      },
    }),
  });
  expect(created.status(), await created.text()).toBe(201);
  await request.delete('/api/sessions/current', { headers: { 'x-csrf-token': csrfToken } });
  return { username, password };
}

/** What a key can do over plain HTTP, with no cookie at all. */
async function statusWithKey(request: APIRequestContext, key: string): Promise<number> {
  const response = await request.get('/api/userprofile', {
    headers: { authorization: `Bearer ${key}`, accept: JSONAPI, cookie: '' },
  });
  return response.status();
}

function apiKeyField(page: Page) {
  return page.getByRole('group', { name: 'API Key' });
}

test.describe('API key on My User', () => {
  test('generate, copy, regenerate and revoke', async ({ page, context, request }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2eBaseUrl });
    const user = await createUser(request);
    await signIn(page, user);
    await page.goto('/my-user');
    const field = apiKeyField(page);
    await expect(field).toContainText('N/A');

    // Generate: the key once, with the note, a copy button and a curl command.
    await field.getByRole('button', { name: 'Generate Key' }).click();
    const shown = field.getByRole('textbox', { name: 'New API key' });
    await expect(shown).toBeVisible();
    await expect(shown).toHaveAttribute('readonly', '');
    await expect(shown).toBeFocused();
    const key = await shown.inputValue();
    expect(key).toMatch(KEY);
    await expect(field).toContainText('it will not be shown again');
    await expect(field).toContainText(`curl -H "Authorization: Bearer ${key}" ${e2eBaseUrl}/api/userprofile`);
    await expectNoAxeViolations(page);

    await field.getByRole('button', { name: 'Copy the API key' }).click();
    await expect(field.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await field.getByRole('button', { name: 'Copy the curl command' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Bearer ${key}`);

    expect(await statusWithKey(request, key)).toBe(200);

    // Done: the key is gone from the page; the field shows its prefix.
    await field.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    await expect(page.getByText(key)).toHaveCount(0);
    await page.reload();
    await expect(field).toContainText(`${key.slice(0, 8)}…`);
    await expect(field).toContainText('Last used');
    await expect(field).not.toContainText(key.slice(8));

    // Regenerate: a confirmation first; Cancel keeps the key.
    await field.getByRole('button', { name: 'Generate Key' }).click();
    let dialog = page.getByRole('dialog', { name: 'Replace the API key?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(key.slice(0, 8));
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await statusWithKey(request, key)).toBe(200);

    await field.getByRole('button', { name: 'Generate Key' }).click();
    dialog = page.getByRole('dialog', { name: 'Replace the API key?' });
    await dialog.getByRole('button', { name: 'Generate Key' }).click();
    await expect(dialog).toBeHidden();
    await expect(shown).toBeVisible();
    const replacement = await shown.inputValue();
    expect(replacement).toMatch(KEY);
    expect(replacement).not.toBe(key);
    expect(await statusWithKey(request, key)).toBe(401);
    expect(await statusWithKey(request, replacement)).toBe(200);

    // Revoke, by keyboard, after a confirmation.
    await field.getByRole('button', { name: 'Revoke' }).focus();
    await page.keyboard.press('Enter');
    dialog = page.getByRole('dialog', { name: 'Revoke the API key?' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(dialog).toBeHidden();
    await expect(field).toContainText('N/A');
    await expect(shown).toBeHidden();
    await expect(field.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    expect(await statusWithKey(request, replacement)).toBe(401);
    await expectNoAxeViolations(page);
  });
});

test.describe('the API sandbox', () => {
  test('authorizes with a key and tries GET /api/userprofile', async ({ page, request }) => {
    const user = await createUser(request);
    await signIn(page, user);
    // The key comes from the API itself, as a script would get it after generating one on My User.
    const session = await page.request.get('/api/sessions/current', { headers: { accept: JSONAPI } });
    const csrfToken = (await session.json()).data.attributes.csrfToken;
    const generated = await page.request.post('/api/users/me/api-key', {
      headers: { accept: JSONAPI, 'x-csrf-token': csrfToken },
    });
    expect(generated.status()).toBe(201);
    const key = (await generated.json()).data.attributes.key;
    // The sandbox must prove the key works on its own: sign the browser out first.
    await page.request.delete('/api/sessions/current', { headers: { 'x-csrf-token': csrfToken } });

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/api/doc');
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    // Swagger UI's "Available authorizations" box: the Bearer scheme is the one named apiKey.
    const bearer = page.locator('form').filter({ hasText: 'apiKey (http, Bearer)' });
    await bearer.getByRole('textbox', { name: 'auth-bearer-value' }).fill(key);
    await bearer.getByRole('button', { name: 'Apply credentials' }).click();
    await expect(bearer.getByRole('button', { name: 'Remove authorization' })).toBeVisible();
    await bearer.getByRole('button', { name: 'Close' }).click();

    const operation = page.locator('.opblock').filter({ hasText: '/api/userprofile' }).first();
    await operation.locator('.opblock-summary').click();
    const tryItOut = operation.getByRole('button', { name: 'Try it out' });
    if (await tryItOut.isVisible()) await tryItOut.click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await expect(status).toHaveText('200');
    await expect(operation.locator('.live-responses-table')).toContainText(user.username);
    expect(violations).toEqual([]);
  });
});
