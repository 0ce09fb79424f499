import { expect, type Page, test } from '@playwright/test';
import { isoDateIn } from '../../common/dates';
import { fromZonedWallTime } from '../../common/zoned-time';
import { apiSend, createMember, expectNoAxeViolations, signIn } from './fixtures';

/**
 * The user guide's "Assign an Event" (issue 14) and the calendar, in Chromium against the real
 * server: More Actions → Assign Event on a colleague's page, a weekly event with a guest and a
 * reminder, Save; it shows in Activity and in the Calendar tab's week view; an occurrence is
 * opened and moved (by the dialog, with the keyboard, and by dragging), each time for this
 * occurrence only; axe with the dialog, its pickers and the calendar open, at 1280 and 390 px.
 */

test.describe.configure({ timeout: 300_000 });

const JSONAPI = 'application/vnd.api+json';

const BERLIN = 'Europe/Berlin';

/** Berlin's UTC offset (`+01:00` in winter, `+02:00` in summer) at a wall time `YYYY-MM-DDTHH:mm` there. */
function berlinOffset(wallTime: string): string {
  const minutes =
    (Date.parse(`${wallTime}Z`) - Date.parse(fromZonedWallTime(wallTime, BERLIN) ?? '')) / 60_000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;
}

/** How the API writes a Berlin wall time of that day: `2026-11-30T10:00:00+01:00`. */
function inBerlin(isoDate: string, time: string): string {
  return `${isoDate}T${time}:00${berlinOffset(`${isoDate}T${time}`)}`;
}

type Occurrence = {
  id: string;
  attributes: { title: string; start: string; end: string; isChanged: boolean };
};

async function occurrencesOf(page: Page, ownerId: string, title: string): Promise<Occurrence[]> {
  const from = new Date(Date.now() - 14 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const query = new URLSearchParams({
    'filter[owner]': ownerId,
    'filter[start][gte]': from,
    'filter[start][lt]': to,
  });
  const response = await page.request.get(`/api/calendar-occurrences?${query}`, {
    headers: { accept: JSONAPI },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()).data as Occurrence[]).filter((item) => item.attributes.title === title);
}

test('Assign an Event: a weekly event with a guest and a reminder, in Activity and the week view, moved', async ({
  page,
  browser,
}) => {
  const target = await createMember(browser, { prefix: 'invitee' });
  const organizer = await createMember(browser, { prefix: 'organizer', role: 'Manager' });
  await signIn(page, organizer);
  // The organizer reads times in Berlin (the browser runs in UTC): the dialog, the stored event
  // and the calendar follow the setting, not the browser.
  const zone = await apiSend(page.request, 'PATCH', '/api/settings/localization.timezone', {
    data: {
      type: 'settings',
      id: 'localization.timezone',
      attributes: { scope: 'user', value: 'Europe/Berlin' },
    },
  });
  expect(zone.status(), await zone.text()).toBe(200);
  // The browser's clock reads 08:00 in Berlin today, whatever the hour the test runs at: the
  // dialog's default (the next full hour) is then 09:00–10:00 today, so 10:00 → 09:00 is an end
  // before the start, the event is this week's, and its weekday is today's. The server keeps the
  // real time (it judges nothing here by the browser's clock).
  const today = isoDateIn(BERLIN);
  const morning = new Date(fromZonedWallTime(`${today}T08:00`, BERLIN) ?? '');
  await page.clock.install({ time: morning });
  await page.goto(`/users/${target.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Activity' })).toBeVisible();

  // More Actions → Assign Event opens "Assign Event To".
  await page.getByRole('button', { name: 'More Actions' }).click();
  await page.getByRole('menuitem', { name: 'Assign Event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign Event To' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`Into the calendar of ${target.firstName} ${target.lastName}`)).toBeVisible();

  // Save without a title: the field says so and nothing is stored.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The title is required.')).toBeVisible();

  const title = `Weekly sync ${Date.now().toString(36)}`;
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Agenda: the week ahead');
  await dialog.getByLabel('Start time').fill('10:00');
  await dialog.getByLabel('End time').fill('09:00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The end must be after the start.')).toBeVisible();
  await dialog.getByLabel('End time').fill('11:00');
  // The start time's list of times open under axe, the time typed selected in the reader's clock.
  await dialog.getByLabel('Start time').click();
  await expect(
    page.getByRole('listbox', { name: 'Times' }).getByRole('option', { name: /^10:00\sAM$/ }),
  ).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Start time').press('Escape');
  await expect(page.getByRole('listbox', { name: 'Times' })).toBeHidden();
  await dialog.getByRole('radio', { name: 'Green' }).click();
  await expect(dialog.getByRole('radio', { name: 'Green' })).toHaveAttribute('aria-checked', 'true');

  // Repeat: Weekly (the picker open under axe), on the start's weekday, with a summary.
  await dialog.getByRole('combobox', { name: 'Repeat' }).click();
  await expect(page.getByRole('option', { name: 'Weekly' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('option', { name: 'Weekly' }).click();
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: BERLIN }).format(morning);
  await expect(dialog.getByText('In Europe/Berlin').first()).toBeVisible();
  await expect(dialog.getByTestId('repeat-summary')).toHaveText(`Every week on ${weekday}`);
  await dialog.getByRole('combobox', { name: 'Ends' }).click();
  await page.getByRole('option', { name: 'After a number of occurrences' }).click();
  await dialog.getByRole('textbox', { name: 'Occurrences' }).fill('8');
  await expect(dialog.getByTestId('repeat-summary')).toHaveText(`Every week on ${weekday}, 8 times`);

  // A reminder: 15 minutes before, changed to 1 hour.
  await dialog.getByRole('button', { name: 'Add reminder' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reminder 1: how many' })).toHaveValue('15');
  await dialog.getByRole('textbox', { name: 'Reminder 1: how many' }).fill('1');
  await dialog.getByRole('combobox', { name: 'Reminder 1: unit' }).click();
  await page.getByRole('option', { name: 'hours' }).click();

  // The people picker's suggestions open under axe: members found by name.
  const guests = dialog.getByRole('combobox', { name: 'Guests' });
  await guests.fill(target.lastName);
  await expect(page.getByRole('option', { name: new RegExp(target.lastName) })).toBeVisible();
  await expectNoAxeViolations(page);
  await guests.fill('');

  // A guest by address.
  await guests.fill('guest.person@example.org');
  await guests.press('Enter');
  await expect(dialog.getByText('guest.person@example.org')).toBeVisible();

  // The date picker open under axe.
  await dialog.getByRole('textbox', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Next month' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Clicking elsewhere in the dialog closes the picker (Escape would close the dialog too).
  await dialog.getByRole('textbox', { name: 'Title' }).click();
  await expect(page.getByRole('button', { name: 'Next month' })).toBeHidden();
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  // Stored as a weekly RRULE with the zone, the reminder and the guest.
  const [first] = await occurrencesOf(page, target.id, title);
  expect(first).toBeDefined();
  const eventId = (first as Occurrence).id.split(':')[0] as string;
  const stored = (
    await (await page.request.get(`/api/calendarevents/${eventId}`, { headers: { accept: JSONAPI } })).json()
  ).data.attributes;
  expect(stored).toMatchObject({
    title,
    allDay: false,
    timeZone: 'Europe/Berlin',
    backgroundColor: '#2e7d32',
    reminders: [{ method: 'email', minutesBefore: 60 }],
    attendees: [expect.objectContaining({ email: 'guest.person@example.org' })],
  });
  expect(stored.recurrence).toMatch(/^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU);COUNT=8$/);
  expect(stored.start).toBe(inBerlin(today, '10:00'));

  // It shows in Activity.
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByText(title)).toBeVisible({ timeout: 20_000 });
  await activity.getByRole('button', { name: new RegExp(title) }).click();
  await expect(activity.getByText(`Every week on ${weekday}, 8 times`)).toBeVisible();

  // The Calendar tab, week view: the occurrence in its colour.
  await page.getByRole('tab', { name: 'Calendar' }).click();
  await expect(page.getByRole('tab', { name: 'Week view' })).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Week view' }).click();
  const calendar = page.getByRole('tabpanel', { name: 'Calendar' });
  const inWeek = calendar.getByRole('button', { name: new RegExp(title) });
  await expect(inWeek).toHaveCount(1);
  await expectNoAxeViolations(page);

  // At 10:00 Berlin time in the grid.
  await expect(inWeek).toHaveAccessibleName(/^10:00\s*(AM)?\s*[-–]\s*11:00/);

  // Open the occurrence with the keyboard and move it in the dialog: this occurrence only.
  await inWeek.focus();
  await inWeek.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit Event' });
  await expect(edit).toBeVisible();
  await expect(edit.getByRole('radio', { name: 'This event', exact: true })).toBeChecked();
  await edit.getByLabel('Start time').focus();
  await edit.getByLabel('Start time').fill('14:00');
  await edit.getByLabel('End time').fill('15:00');
  await expectNoAxeViolations(page);
  await edit.getByLabel('End time').press('Enter');
  await expect(edit).toBeHidden({ timeout: 20_000 });
  await expect
    .poll(
      async () =>
        (await occurrencesOf(page, target.id, title)).find((item) => item.attributes.isChanged)?.attributes
          .start,
    )
    .toBe(inBerlin(today, '14:00'));
  const others = (await occurrencesOf(page, target.id, title)).filter((item) => !item.attributes.isChanged);
  expect(others.length).toBeGreaterThan(0);
  for (const other of others) {
    expect(other.attributes.start).toBe(inBerlin(other.attributes.start.slice(0, 10), '10:00'));
  }

  // Drag it two hours later: the question, This event, Apply.
  const moved = calendar.getByRole('button', { name: new RegExp(title) });
  await expect(moved).toHaveCount(1);
  const box = await moved.boundingBox();
  if (!box) throw new Error('the event is not on screen');
  // The event lasts an hour: its height is an hour of the grid.
  const hour = box.height;
  await page.mouse.move(box.x + box.width / 2, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 5 + hour, { steps: 10 });
  await page.mouse.move(box.x + box.width / 2, box.y + 5 + 2 * hour, { steps: 10 });
  await page.mouse.up();
  const question = page.getByRole('dialog', { name: 'This event repeats' });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'Apply' }).click();
  await expect(question).toBeHidden({ timeout: 20_000 });
  await expect
    .poll(
      async () =>
        (await occurrencesOf(page, target.id, title)).find((item) => item.attributes.isChanged)?.attributes
          .start,
    )
    .toBe(inBerlin(today, '16:00'));

  // Resize it by dragging its end an hour later: the question again.
  await expect(moved).toHaveAccessibleName(/^4:00\s*(PM)?\s*[-–]\s*5:00/);
  const sized = await moved.boundingBox();
  if (!sized) throw new Error('the event is not on screen');
  await page.mouse.move(sized.x + sized.width / 2, sized.y + sized.height / 2);
  await page.mouse.move(sized.x + sized.width / 2, sized.y + sized.height - 2);
  await page.mouse.down();
  await page.mouse.move(sized.x + sized.width / 2, sized.y + sized.height - 2 + hour / 2, { steps: 10 });
  await page.mouse.move(sized.x + sized.width / 2, sized.y + sized.height - 2 + hour, { steps: 10 });
  await page.mouse.up();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Apply' }).click();
  await expect(question).toBeHidden({ timeout: 20_000 });
  await expect
    .poll(
      async () =>
        (await occurrencesOf(page, target.id, title)).find((item) => item.attributes.isChanged)?.attributes
          .end,
    )
    .toMatch(new RegExp(`^${today}T(17:30|18:00|18:30|19:00):00\\${berlinOffset(`${today}T18:00`)}$`));
  // Longer (where the end lands depends on the grid snapping), still from 16:00.
  const resized = (await occurrencesOf(page, target.id, title)).find((item) => item.attributes.isChanged);
  expect(resized?.attributes.start).toBe(inBerlin(today, '16:00'));

  // Delete that occurrence only (confirmed): the seven others stay.
  await expect(moved).toHaveAccessibleName(/^4:00\s*(PM)?\s*[-–]\s*(5:30|6:00|6:30|7:00)/);
  await moved.focus();
  await moved.press('Enter');
  const again = page.getByRole('dialog', { name: 'Edit Event' });
  await again.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the event' });
  await expect(confirm).toContainText('This event');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(again).toBeHidden({ timeout: 20_000 });
  await expect.poll(async () => (await occurrencesOf(page, target.id, title)).length).toBe(7);
  expect((await occurrencesOf(page, target.id, title)).some((item) => item.attributes.isChanged)).toBe(false);

  // The agenda list, and 390 px.
  // The agenda list: this week's occurrence is gone, next week's is there.
  await page.getByRole('tab', { name: 'Agenda view' }).click();
  await expect(calendar.getByText('No events in this period')).toBeVisible();
  await calendar.getByRole('button', { name: 'Next' }).click();
  await expect(calendar.getByText(title).first()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Month view' }).click();
  await expect(calendar.getByRole('button', { name: new RegExp(title) }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByRole('button', { name: 'More Actions' }).click();
  await page.getByRole('menuitem', { name: 'Assign Event' }).click();
  await expect(page.getByRole('dialog', { name: 'Assign Event To' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('My Calendar in the user menu: my own calendar, the settings’ first day and default view', async ({
  page,
  browser,
}) => {
  const member = await createMember(browser, { prefix: 'calendar' });
  await signIn(page, member);
  for (const [key, value] of [
    ['localization.first_day_of_week', 'sunday'],
    ['calendar.default_view', 'week'],
  ]) {
    const set = await apiSend(page.request, 'PATCH', `/api/settings/${key}`, {
      data: { type: 'settings', id: key, attributes: { scope: 'user', value } },
    });
    expect(set.status(), await set.text()).toBe(200);
  }
  await page.goto('/my-user');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('banner')
    .getByRole('button', { name: `${member.firstName} ${member.lastName}` })
    .click();
  await page.getByRole('menuitem', { name: 'My Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My Calendar' })).toBeVisible();
  // The week view, Sunday first: the member's settings.
  await expect(page.getByRole('tab', { name: 'Week view' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 30_000,
  });
  await expect(page.getByRole('columnheader').first()).toContainText(/Sun/);
  await expectNoAxeViolations(page);
  // A new event of my own calendar is "Add New Event", as OroCRM's calendar says (not "Assign Event To").
  await page.getByRole('button', { name: 'New Event' }).click();
  await expect(page.getByRole('dialog', { name: 'Add New Event' })).toBeVisible({ timeout: 30_000 });
});
