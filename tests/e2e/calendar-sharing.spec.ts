import { expect, test } from '@playwright/test';
import { admin, apiSend, createMember, expectNoAxeViolations, mailedLink, signIn } from './fixtures';

/**
 * Issue 14's invitations and feeds in the browser: My calendar feed in My Configuration →
 * Integrations (Create, Copy the address shown once, Revoke with a confirmation — and the address
 * really serves, then stops); the public answer page of an external guest's link. Axe clean, at
 * 390 px; a member guest answering from the invitation in their own My Calendar.
 */

/** The newest answer link mailed to an address (the e2e SMTP sink files mail under DATA_DIR/mail). */
function answerLink(address: string): Promise<string> {
  return mailedLink(address, /(https?:\/\/\S+\/calendar-answers\/[A-Za-z0-9_-]+)/);
}

test('My calendar feed: create, copy the address once, revoke with a confirmation', async ({
  page,
  browser,
}) => {
  const member = await createMember(browser, { prefix: 'feed' });
  await signIn(page, member);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/my-configuration?section=integrations');
  const field = page.getByRole('group', { name: 'My calendar feed' });
  await expect(field).toContainText('You have no calendar feed.');
  await expectNoAxeViolations(page);

  await field.getByRole('button', { name: 'Create' }).click();
  const address = field.getByRole('textbox', { name: 'Calendar feed address' });
  await expect(address).toBeVisible();
  const url = await address.inputValue();
  expect(url).toMatch(/\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(field.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expectNoAxeViolations(page);
  const served = await page.request.get(new URL(url).pathname);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('text/calendar; charset=utf-8');

  await field.getByRole('button', { name: 'Done' }).click();
  await expect(address).toHaveCount(0);
  await field.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke the calendar feed?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(field).toContainText('You have no calendar feed.');
  expect((await page.request.get(new URL(url).pathname)).status()).toBe(404);
});

test('an external guest answers on the public page of their invitation link', async ({ page, browser }) => {
  const owner = await createMember(browser, { prefix: 'organizer' });
  await signIn(page, owner);
  const created = await apiSend(page.request, 'POST', '/api/calendarevents', {
    data: {
      type: 'calendarevents',
      attributes: {
        title: 'Budget review',
        start: '2030-03-04T09:00:00+01:00',
        end: '2030-03-04T10:00:00+01:00',
        timeZone: 'Europe/Berlin',
        recurrence: 'FREQ=WEEKLY;BYDAY=MO',
        attendees: [{ email: admin.email }, { email: 'carol@partner.example', displayName: 'Carol' }],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const eventId = (await created.json()).data.id as string;
  await page.setViewportSize({ width: 390, height: 844 });

  // Carol, outside the organization, answers by the link in her invitation, without signing in.
  await page.context().clearCookies();
  await page.goto(await answerLink('carol@partner.example'));
  await expect(page.getByRole('heading', { name: 'Budget review' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status')).toContainText('Your answer: Accepted');
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);

  // The organizer sees the answer in the API.
  await page.context().clearCookies();
  await signIn(page, owner);
  const event = await page.request.get(`/api/calendarevents/${eventId}`, {
    headers: { accept: 'application/vnd.api+json' },
  });
  expect((await event.json()).data.attributes.attendees[1].status).toBe('accepted');
});

test('a member guest finds the invitation in My Calendar and answers it there', async ({ page, browser }) => {
  const organizer = await createMember(browser, { prefix: 'organizer' });
  const guest = await createMember(browser, { prefix: 'guest' });
  await signIn(page, organizer);
  // Every day from today: an occurrence is in whatever view My Calendar opens on.
  const today = new Date().toISOString().slice(0, 10);
  const title = `Stand-up ${Date.now().toString(36)}`;
  const created = await apiSend(page.request, 'POST', '/api/calendarevents', {
    data: {
      type: 'calendarevents',
      attributes: {
        title,
        start: `${today}T12:00:00Z`,
        end: `${today}T12:15:00Z`,
        timeZone: 'UTC',
        recurrence: 'FREQ=DAILY;COUNT=40',
        attendees: [{ email: guest.email }],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const eventId = (await created.json()).data.id as string;

  await page.context().clearCookies();
  await signIn(page, guest);
  await page.goto('/my-calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'My Calendar' })).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Invitation');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Tentative' }).click();
  await expect(dialog.getByRole('button', { name: 'Tentative' })).toHaveAttribute('aria-pressed', 'true');
  // At 390 px the invitation still fits the screen, its answers in reach, and passes axe.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(dialog.getByRole('button', { name: 'Accept' })).toBeInViewport();
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, `dialog at ${JSON.stringify(box)}`).toBe(true);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The organizer's event now carries the guest's answer.
  await page.context().clearCookies();
  await signIn(page, organizer);
  const event = await page.request.get(`/api/calendarevents/${eventId}`, {
    headers: { accept: 'application/vnd.api+json' },
  });
  expect((await event.json()).data.attributes.attendees[0].status).toBe('tentative');
});
