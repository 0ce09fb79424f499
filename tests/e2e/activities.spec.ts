import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { admin, apiSend, createMember, e2eDataDir, expectNoAxeViolations, signIn } from './fixtures';

/**
 * The user guide's "Send an Email" and "Log or Make a Call" (issue 13), in Chromium against the
 * real server, with the guide's labels, axe on the page and with each dialog and picker open, and
 * once at 390 px. Each walk uses a member of its own (User role: emails.send and calls.log).
 */

const PHONE = '+14155552671';

// Each walk runs axe several times with dialogs and pickers open: minutes on two busy cores.
test.describe.configure({ timeout: 240_000 });

async function openMyUser(page: Page) {
  await page.goto('/my-user');
  // Two busy cores: the first load of the user may take a while.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Activity' })).toBeVisible();
}

function activity(page: Page) {
  return page.getByRole('region', { name: 'Activity' });
}

async function moreActions(page: Page, item: 'Send Email' | 'Log Call') {
  await page.getByRole('button', { name: 'More Actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The newest message the test SMTP server received for an address, parsed. */
async function receivedMail(address: string, subject: string) {
  const directory = path.join(e2eDataDir ?? '', 'mail');
  let found: Awaited<ReturnType<typeof simpleParser>> | undefined;
  await expect
    .poll(
      async () => {
        let files: string[] = [];
        try {
          files = readdirSync(directory).filter((name) => name.endsWith('.eml'));
        } catch {
          return false;
        }
        for (const name of files.sort().reverse()) {
          const mail = await simpleParser(readFileSync(path.join(directory, name)));
          const to = [mail.to].flat().flatMap((entry) => entry?.value ?? []);
          if (mail.subject === subject && to.some((recipient) => recipient.address === address)) {
            found = mail;
            return true;
          }
        }
        return false;
      },
      { timeout: 20_000, message: `"${subject}" mailed to ${address}` },
    )
    .toBe(true);
  return found as Awaited<ReturnType<typeof simpleParser>>;
}

test('Log or Make a Call: both entry points, duration typed three ways, the calls in Activity', async ({
  page,
  browser,
}) => {
  const member = await createMember(browser, { prefix: 'caller', profile: { phone: PHONE } });
  await signIn(page, member);
  await openMyUser(page);
  await expectNoAxeViolations(page);

  // More Actions → Log Call; the phone is offered, the duration typed as seconds.
  await moreActions(page, 'Log Call');
  const dialog = page.getByRole('dialog', { name: 'Log Call' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Call status')).toHaveValue('Completed');
  await expect(dialog.getByLabel('Direction')).toHaveValue('Outgoing');
  await expect(dialog.getByRole('combobox', { name: 'Phone Number' })).toHaveValue(PHONE);
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Quarterly review call');
  const duration = dialog.getByRole('textbox', { name: 'Duration' });
  await duration.fill('90');
  await duration.blur();
  await expect(duration).toHaveValue('00:01:30');
  await dialog.getByRole('textbox', { name: 'Additional comments' }).fill('Agreed on the next steps.');
  await dialog.getByLabel('Direction').click();
  await expectNoAxeViolations(page);
  await page.getByRole('option', { name: 'Incoming' }).click();
  // A duration that cannot be read is refused before anything is sent.
  await duration.fill('ten minutes');
  await duration.blur();
  await expect(dialog.getByText('Type the duration as seconds (90), 1h 30m 5s or hh:mm:ss.')).toBeVisible();
  await duration.fill('90');
  await dialog.getByRole('button', { name: 'Log Call' }).click();
  await expect(dialog).toBeHidden();
  await expect(activity(page).getByText('Quarterly review call')).toBeVisible();

  // The Log Call icon beside the phone (shown on hover and keyboard focus); 1h 30m 5s.
  await page.getByRole('link', { name: `Call ${PHONE}` }).focus();
  const logCallIcon = page.getByRole('button', { name: `Log Call with ${PHONE}` });
  await expect(logCallIcon).toBeVisible();
  await expect(page.getByRole('link', { name: `Call ${PHONE}` })).toHaveAttribute('href', `tel:${PHONE}`);
  await logCallIcon.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Follow-up call');
  await dialog.getByRole('textbox', { name: 'Duration' }).fill('1h 30m 5s');
  await dialog.getByRole('textbox', { name: 'Duration' }).blur();
  await expect(dialog.getByRole('textbox', { name: 'Duration' })).toHaveValue('01:30:05');
  await dialog.getByRole('button', { name: 'Log Call' }).click();
  await expect(dialog).toBeHidden();

  // Newest first; an item expands to its fields, and its author edits it (hh:mm:ss).
  const items = activity(page).getByRole('list', { name: 'Activity items' }).getByRole('listitem');
  await expect(items.first()).toContainText('Follow-up call');
  await expect(items.nth(1)).toContainText('Quarterly review call');
  await items
    .nth(1)
    .getByRole('button', { name: /Quarterly review call/ })
    .click();
  await expect(items.nth(1)).toContainText('00:01:30');
  await expect(items.nth(1)).toContainText('Incoming');
  await expect(items.nth(1)).toContainText('Agreed on the next steps.');
  // The number with its country code, so a reader elsewhere can dial it.
  await expect(items.nth(1)).toContainText('+1 415 555 2671');
  await expectNoAxeViolations(page);
  await items.nth(1).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Call' });
  await edit.getByRole('textbox', { name: 'Duration' }).fill('00:02:00');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(items.nth(1)).toContainText('00:02:00');

  // The filter by type: calls only, then emails only (none yet).
  await activity(page).getByRole('checkbox', { name: 'Emails' }).uncheck();
  await expect(items).toHaveCount(2);
  await activity(page).getByRole('checkbox', { name: 'Emails' }).check();
  await activity(page).getByRole('checkbox', { name: 'Calls' }).uncheck();
  await expect(activity(page).getByText('Nothing matches these filters.')).toBeVisible();
  await activity(page).getByRole('checkbox', { name: 'Calls' }).check();

  // With meeting links on (an administrator's organization setting), Start meeting beside the
  // phone opens a new room in a new tab and Log Call with the room's link.
  const adminContext = await browser.newContext({ baseURL: test.info().project.use.baseURL as string });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  const enabled = await apiSend(adminPage.request, 'PATCH', '/api/settings/meeting_links.enabled', {
    data: {
      type: 'settings',
      id: 'meeting_links.enabled',
      attributes: { scope: 'organization', value: true },
    },
  });
  expect(enabled.status(), await enabled.text()).toBe(200);
  await page.reload();
  await page.getByRole('link', { name: `Call ${PHONE}` }).focus();
  // No network to Jitsi here: the browser gets a stand-in page for the room.
  await page.context().route('https://meet.jit.si/**', (route) => route.fulfill({ body: 'A meeting room' }));
  const roomOpened = page.context().waitForEvent('page');
  await page.getByRole('button', { name: `Start meeting with ${PHONE}` }).click();
  const room = await roomOpened;
  await room.waitForLoadState();
  expect(room.url()).toMatch(/^https:\/\/meet\.jit\.si\/atrium-[0-9a-z]+$/);
  await room.close();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Additional comments' })).toHaveValue(
    /^https:\/\/meet\.jit\.si\/atrium-/,
  );
  await expect(dialog.getByRole('button', { name: 'Start a meeting (opens in a new tab)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const disabled = await apiSend(adminPage.request, 'PATCH', '/api/settings/meeting_links.enabled', {
    data: {
      type: 'settings',
      id: 'meeting_links.enabled',
      attributes: { scope: 'organization', value: false },
    },
  });
  expect(disabled.status(), await disabled.text()).toBe(200);
  await adminContext.close();

  // At 390 px the page and the dialog still work and stay axe-clean.
  await page.setViewportSize({ width: 390, height: 844 });
  await moreActions(page, 'Log Call');
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Send an Email: both entry points, a template, an attachment, Send; it arrives over SMTP', async ({
  page,
  browser,
}) => {
  const member = await createMember(browser, { prefix: 'sender' });
  // An administrator manages the organization's templates.
  const adminContext = await browser.newContext({ baseURL: test.info().project.use.baseURL as string });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  const templateName = `Welcome ${Date.now().toString(36)}`;
  const created = await apiSend(adminPage.request, 'POST', '/api/email-templates', {
    data: {
      type: 'emailtemplates',
      attributes: {
        name: templateName,
        subject: 'Welcome aboard, from {{ sender.firstName }}',
        body: { type: 'html', content: '<p>Hello, {{ sender.firstName }} here: glad you are here.</p>' },
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await adminContext.close();

  await signIn(page, member);
  await openMyUser(page);

  // More Actions → Send Email: From is the member's one address (read-only).
  await moreActions(page, 'Send Email');
  const dialog = page.getByRole('dialog', { name: 'Send Email' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'From' })).toHaveValue(member.email);
  const to = dialog.getByRole('combobox', { name: 'To' });
  await to.fill(admin.email);
  await to.press('Enter');
  await dialog.getByRole('combobox', { name: 'Template' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('option', { name: templateName }).click();
  // The variables are filled on the server: the sender is the member.
  await expect(dialog.getByRole('textbox', { name: 'Subject' })).toHaveValue(
    `Welcome aboard, from ${member.firstName}`,
  );
  await expect(dialog.getByRole('textbox', { name: 'Body' })).toContainText(
    `Hello, ${member.firstName} here`,
  );
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Welcome aboard, Admin');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'agenda.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('1. Welcome\n2. Questions\n'),
  });
  await expect(dialog.getByText('agenda.txt')).toContainText('uploaded');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The email arrives over SMTP with an HTML and a text part and the attachment.
  const mail = await receivedMail(admin.email, 'Welcome aboard, Admin');
  expect(mail.html).toContain('glad you are here');
  expect(mail.text).toContain('glad you are here');
  expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['agenda.txt']);

  // The item in Activity expands: recipients, the attachment, the delivery status, Reply.
  const items = activity(page).getByRole('list', { name: 'Activity items' }).getByRole('listitem');
  const sent = items.filter({ hasText: 'Welcome aboard, Admin' });
  await expect(sent).toHaveCount(1);
  await sent.getByRole('button', { name: /Welcome aboard, Admin/ }).click();
  await expect(sent).toContainText(admin.email);
  await expect(sent.getByRole('link', { name: /agenda\.txt/ })).toBeVisible();
  await expect(sent.getByText('Sent', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(
    sent.frameLocator('iframe[title="Body of Welcome aboard, Admin"]').getByText('glad you are here'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Reply: To is the original's recipient again (the member wrote it), the subject gets "Re: ",
  // and the reply arrives with In-Reply-To and References naming the original.
  await sent.getByRole('button', { name: 'Reply' }).click();
  const reply = page.getByRole('dialog', { name: 'Reply' });
  await expect(reply).toBeVisible();
  await expect(reply.getByRole('textbox', { name: 'Subject' })).toHaveValue('Re: Welcome aboard, Admin');
  await expect(reply.getByText(admin.email)).toBeVisible();
  await reply.getByRole('textbox', { name: 'Body' }).fill('One more thing: the agenda is attached above.');
  await expectNoAxeViolations(page);
  await reply.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reply).toBeHidden();
  const answer = await receivedMail(admin.email, 'Re: Welcome aboard, Admin');
  expect(mail.messageId).toBeTruthy();
  expect(answer.inReplyTo).toBe(mail.messageId);
  expect([answer.references].flat()).toContain(mail.messageId);
  expect(answer.text).toContain('One more thing');
  await expect(items.filter({ hasText: 'Re: Welcome aboard, Admin' })).toHaveCount(1);

  // The Send Email icon beside the member's own address: it is From.
  await page.getByRole('link', { name: member.email }).first().focus();
  const icon = page.getByRole('button', { name: `Send Email from or to ${member.email}` }).first();
  await expect(icon).toBeVisible();
  await icon.click();
  await expect(dialog.getByRole('combobox', { name: 'From' })).toHaveValue(member.email);
  // No recipient: refused before anything is sent.
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Nobody');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog.getByText('Add at least one recipient in To, Cc or Bcc.')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Send later, then Cancel: the email waits in the outbox until withdrawn', async ({ page, browser }) => {
  const member = await createMember(browser, { prefix: 'later' });
  await signIn(page, member);
  await openMyUser(page);
  await moreActions(page, 'Send Email');
  const dialog = page.getByRole('dialog', { name: 'Send Email' });
  const to = dialog.getByRole('combobox', { name: 'To' });
  await to.fill(admin.email);
  await to.press('Enter');
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Next week’s agenda');
  await dialog.getByRole('textbox', { name: 'Body' }).fill('Talk next week.');
  await dialog.getByRole('button', { name: 'Send later' }).click();
  const sendAt = dialog.getByLabel('Send at');
  await expect(sendAt).toBeFocused();
  // A time in the past is refused in the dialog.
  await sendAt.fill('2020-01-01T09:00');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('Choose a time in the future.')).toBeVisible();
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
  await sendAt.fill(inTwoDays);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();

  const items = activity(page).getByRole('list', { name: 'Activity items' }).getByRole('listitem');
  const scheduled = items.filter({ hasText: 'Next week’s agenda' });
  await expect(scheduled.getByText('Scheduled', { exact: true })).toBeVisible();
  await scheduled.getByRole('button', { name: /Next week’s agenda/ }).click();
  await expectNoAxeViolations(page);
  await scheduled.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(scheduled.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await expect(scheduled.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
});

test('Remote images in an email load only once the viewer allows them', async ({ page, browser }) => {
  const member = await createMember(browser, { prefix: 'pictures' });
  await signIn(page, member);
  // The picture is on the e2e server itself: every request the page makes for it is counted.
  const baseUrl = test.info().project.use.baseURL as string;
  const pictureUrl = `${baseUrl}/e2e-remote-picture/logo.png?viewer=${member.id}`;
  let requests = 0;
  await page.route('**/e2e-remote-picture/**', (route) => {
    requests++;
    return route.fulfill({
      contentType: 'image/png',
      body: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    });
  });
  const sentEmail = await apiSend(page.request, 'POST', '/api/emails', {
    data: {
      type: 'emails',
      attributes: {
        from: member.email,
        toRecipients: [admin.email],
        subject: 'Our new logo',
        body: {
          type: 'html',
          content: `<p>Here it is:</p><img src="${pictureUrl}" alt="The new logo" width="40" height="40">`,
        },
      },
      relationships: { activityTargets: { data: [{ type: 'users', id: member.id }] } },
    },
  });
  expect(sentEmail.status(), await sentEmail.text()).toBe(201);
  // Stored sanitized, with the picture kept (it is not a tracking pixel).
  expect((await sentEmail.json()).data.attributes.body.content).toContain(pictureUrl.replace(/&/g, '&amp;'));

  await openMyUser(page);
  const item = activity(page)
    .getByRole('list', { name: 'Activity items' })
    .getByRole('listitem')
    .filter({ hasText: 'Our new logo' });
  await item.getByRole('button', { name: /Our new logo/ }).click();
  const frame = item.frameLocator('iframe[title="Body of Our new logo"]');
  await expect(frame.getByText('Here it is:')).toBeVisible();
  await expect(item.getByText('A remote image is hidden to protect your privacy.')).toBeVisible();
  // The frame has rendered its body; the picture's src is held back and the policy refuses it.
  await expect(frame.getByRole('img', { name: 'The new logo' })).not.toHaveAttribute('src', /./);
  expect(requests).toBe(0);
  await expectNoAxeViolations(page);

  await item.getByRole('button', { name: 'Show remote images' }).click();
  await expect(frame.getByRole('img', { name: 'The new logo' })).toHaveAttribute('src', pictureUrl);
  await expect.poll(() => requests).toBe(1);
  await expect(item.getByRole('button', { name: 'Show remote images' })).toHaveCount(0);
});

test('Email Templates: an administrator adds, edits and deletes a template', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/');
  await page
    .getByRole('banner')
    .getByRole('button', { name: `${admin.firstName} ${admin.lastName}` })
    .click();
  await page.getByRole('menuitem', { name: 'Email Templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email Templates' })).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Renewal ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Add Template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Template' });
  await expect(dialog).toBeVisible();
  // Saving with nothing typed names the missing fields.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Your renewal, {{ recipient.firstName }}');
  await dialog.getByRole('textbox', { name: 'Body' }).fill('Dear {{ recipient.fullName }}, time to renew.');
  await expect(dialog.getByText('{{ recipient.firstName }}', { exact: true })).toBeVisible();
  await expect(dialog.getByText('the organization’s name')).toBeVisible();
  await expectNoAxeViolations(page);
  // An unknown variable is refused by the server, under the field it is in.
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Your renewal, {{ recipient.shoeSize }}');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/"recipient\.shoeSize" is not a template variable/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Subject' }).fill('Your renewal, {{ recipient.firstName }}');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Your renewal, {{ recipient.firstName }}');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit “${name}”` });
  await expect(edit.getByRole('textbox', { name: 'Body' })).toContainText('time to renew');
  await edit.getByRole('textbox', { name: 'Subject' }).fill('Renewal time');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Renewal time');

  await page.setViewportSize({ width: 390, height: 844 });
  // At 390 px the dialog with its table of variables fits the screen and passes axe.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(edit.getByText('{{ recipient.firstName }}', { exact: true })).toBeVisible();
  const box = await edit.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, `dialog at ${JSON.stringify(box)}`).toBe(true);
  await expectNoAxeViolations(page);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this template?' });
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});
