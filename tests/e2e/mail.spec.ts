import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { renderTemplate } from '../../server/platform/mail/templates/index';
import { e2eBaseUrl, e2eDataDir, expectNoAxeViolations, signIn } from './fixtures';

/** The server's PUBLIC_URL: the configured base URL (a private port when run with its own config). */
const publicUrl = () => test.info().project.use.baseURL ?? e2eBaseUrl;

/**
 * The outbox page. A message that failed for good is planted in the server's database (the
 * embedded SQLite file in the run's data directory); the rest happens through the page and the
 * server's real worker, which delivers over SMTP to the test SMTP server of tests/e2e/server.ts
 * (it files what it receives as DATA_DIR/mail/*.eml).
 */
function plantMessage(status: 'failed' | 'sent', toAddress: string, subject: string) {
  if (!e2eDataDir) throw new Error('ATRIUM_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const db = new Database(path.join(e2eDataDir, 'atrium.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const { organization_id: organizationId } = db
      .prepare(
        `SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE u.username = 'admin' ORDER BY m.created_at LIMIT 1`,
      )
      .get() as { organization_id: string };
    const rendered = renderTemplate(
      'generic',
      {
        subject,
        paragraphs: ['Your account is ready.', 'Reset link: /password-reset#token=planted-secret-token'],
        action: { label: 'Open Atrium', path: '/' },
      },
      { publicUrl: publicUrl() },
    );
    const id = randomUUID();
    const messageId = `<${randomUUID()}@127.0.0.1>`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO mail_outbox (id, organization_id, message_id, template, to_address, to_name, from_address,
         subject, text_body, html_body, status, attempts, next_attempt_at, last_error, sent_at, created_at, updated_at)
       VALUES (?, ?, ?, 'generic', ?, NULL, 'Atrium <no-reply@localhost>', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      organizationId,
      messageId,
      toAddress,
      rendered.subject,
      rendered.text,
      rendered.html,
      status,
      status === 'failed' ? 10 : 1,
      now,
      status === 'failed' ? '550 5.1.1 <bounce@example.com>: Recipient address rejected: User unknown' : null,
      status === 'sent' ? now : null,
      now,
      now,
    );
    return { id, messageId, subject: rendered.subject };
  } finally {
    db.close();
  }
}

function mailboxFiles(): string[] {
  const directory = path.join(e2eDataDir as string, 'mail');
  return fs.existsSync(directory) ? fs.readdirSync(directory).map((name) => path.join(directory, name)) : [];
}

async function selectStatus(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/**
 * axe on the page except the message's sandboxed iframe: axe cannot run inside a frame that may
 * not run scripts (and must not: that is the point of the sandbox). The email HTML itself is
 * checked on a page of its own.
 */
async function expectNoAxeViolationsOutsideFrames(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe')
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('the outbox', () => {
  test('lists messages with status, attempts and last error; Retry delivers a failed one', async ({
    page,
  }) => {
    const delivered = plantMessage('sent', 'delivered@example.com', 'Weekly digest');
    const failed = plantMessage('failed', 'bounce@example.com', 'Welcome to the team');
    await signIn(page);
    await page.goto('/');
    // Administrators reach the page from the user menu.
    await page.getByRole('banner').getByRole('button', { name: 'Admin User' }).click();
    await page.getByRole('menuitem', { name: 'Outbox' }).click();

    await expect(page).toHaveURL('/admin/outbox');
    await expect(page).toHaveTitle('Outbox · Atrium');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outbox');
    const table = page.getByRole('table');
    const failedRow = table.getByRole('row').filter({ hasText: 'bounce@example.com' });
    await expect(failedRow.getByRole('cell').nth(0)).toHaveText('Failed');
    await expect(failedRow.getByRole('cell').nth(3)).toHaveText('10');
    await expect(failedRow).toContainText('Recipient address rejected: User unknown');
    await expect(failedRow.getByRole('link', { name: failed.subject })).toBeVisible();
    const sentRow = table.getByRole('row').filter({ hasText: 'delivered@example.com' });
    await expect(sentRow.getByRole('cell').nth(0)).toHaveText('Sent');
    await expect(sentRow.getByRole('button', { name: /Retry/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Filter by status.
    await selectStatus(page, 'Failed');
    await expect(table.getByRole('row').filter({ hasText: 'delivered@example.com' })).toHaveCount(0);
    await expect(failedRow).toBeVisible();
    await expectNoAxeViolations(page);

    // Retry, by keyboard.
    const before = mailboxFiles().length;
    await failedRow.getByRole('button', { name: /Retry/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Message queued again')).toBeVisible();
    await selectStatus(page, 'All');
    // The worker sends it over SMTP; the list refreshes itself while mail waits.
    await expect(failedRow.getByRole('cell').nth(0)).toHaveText('Sent', { timeout: 15_000 });
    await expect(failedRow.getByRole('cell').nth(3)).toHaveText('1');
    await expect.poll(() => mailboxFiles().length).toBe(before + 1);
    const eml = mailboxFiles()
      .map((file) => fs.readFileSync(file, 'utf8'))
      .find((text) => text.includes(failed.messageId));
    expect(eml, 'the retried message arrived over SMTP with its original Message-ID').toBeDefined();
    expect(delivered.id).not.toBe(failed.id);
  });

  test('a message shows its delivery facts and both versions, with secrets hidden', async ({ page }) => {
    const failed = plantMessage('failed', 'view@example.com', 'Your invitation');
    await signIn(page);
    await page.goto('/admin/outbox');
    await page.getByRole('link', { name: failed.subject }).first().click();

    await expect(page).toHaveURL(`/admin/outbox/${failed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(failed.subject);
    await expect(page.getByText(failed.messageId)).toBeVisible();
    await expect(page.getByText('Recipient address rejected: User unknown')).toBeVisible();
    const text = page.getByRole('tabpanel');
    await expect(text).toContainText('Your account is ready.');
    await expect(text).toContainText('#token=[hidden]');
    await expect(page.locator('body')).not.toContainText('planted-secret-token');
    await expectNoAxeViolations(page);

    await page.getByRole('tab', { name: 'HTML' }).click();
    const frame = page.frameLocator('iframe[title="HTML version of the message"]');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Your invitation');
    await expect(frame.getByRole('link', { name: 'Open Atrium' })).toHaveAttribute('href', `${publicUrl()}/`);
    await expectNoAxeViolationsOutsideFrames(page);

    // The email's HTML as a mail client would show it: accessible on its own.
    const html = await page.locator('iframe[title="HTML version of the message"]').getAttribute('srcdoc');
    const emailPage = await page.context().newPage();
    await emailPage.setContent(html ?? '');
    await expect(emailPage).toHaveTitle(failed.subject);
    await expectNoAxeViolations(emailPage);
    await emailPage.close();

    await expect(page.getByRole('button', { name: /Retry/ })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the outbox' }).click();
    await expect(page).toHaveURL('/admin/outbox');
  });

  test('an unknown message says so', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/outbox/${randomUUID()}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Message not found');
    await expectNoAxeViolations(page);
  });
});
