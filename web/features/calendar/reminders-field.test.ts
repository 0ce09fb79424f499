import { describe, expect, it } from 'vitest';
import { nextReminderMinutes, reminderRowErrors, splitMinutes } from './reminders-field';

describe('the Reminders field', () => {
  it('shows stored minutes in the largest unit that divides them', () => {
    expect(splitMinutes(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(splitMinutes(15)).toEqual({ amount: 15, unit: 'minutes' });
    expect(splitMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitMinutes(120)).toEqual({ amount: 2, unit: 'hours' });
    expect(splitMinutes(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(splitMinutes(2160)).toEqual({ amount: 36, unit: 'hours' });
    expect(splitMinutes(20_160)).toEqual({ amount: 2, unit: 'weeks' });
  });

  it('adds a sensible reminder not listed yet', () => {
    expect(nextReminderMinutes([])).toBe(15);
    expect(nextReminderMinutes([15])).toBe(60);
    expect(nextReminderMinutes([60, null, 15])).toBe(1440);
    expect(nextReminderMinutes([15, 60, 1440, 10_080])).toBe(30);
    expect(nextReminderMinutes([15, 60, 1440, 10_080, 30])).toBe(5);
    expect(nextReminderMinutes([15, 60, 1440, 10_080, 30, 5])).toBe(10);
  });

  it('finds the errors of its rows in a form error map', () => {
    expect(
      reminderRowErrors({
        'reminders.1.minutesBefore': 'This reminder is listed twice.',
        reminders: 'At most 5 reminders.',
        'remindersX.0': 'not ours',
        title: 'The title is required.',
      }),
    ).toEqual({ 1: 'This reminder is listed twice.' });
  });
});
