import { afterAll, describe, expect, it } from 'vitest';
import { errorObjectText } from './error-text';
import { switchLanguage } from './index';
import './lazy/activities';
import './lazy/errors';
import './lazy/settings';
import './lazy/tasks';
import { allowedValueLabels, fieldNameOf } from './value-labels';

const DETAIL = 'The server’s English detail.';

describe('allowed values in an error’s words', () => {
  afterAll(() => switchLanguage('en'));

  it('are the catalog’s labels, joined as German joins a choice', async () => {
    await switchLanguage('de');
    expect(
      errorObjectText({
        code: 'invalid_value',
        detail: DETAIL,
        meta: { allowed: ['low', 'normal', 'high'] },
        source: { pointer: '/data/attributes/priority' },
      }),
    ).toBe('Wählen Sie einen dieser Werte: Niedrig, Normal oder Hoch.');
    // A setting's choices by its key.
    expect(
      errorObjectText({
        code: 'setting_invalid',
        detail: DETAIL,
        meta: {
          reason: 'choice',
          key: 'localization.first_day_of_week',
          allowed: ['monday', 'sunday', 'saturday'],
        },
      }),
    ).toBe('Wählen Sie einen dieser Werte: Montag, Sonntag oder Samstag.');
    // A filter's values by the field it filters.
    expect(
      errorObjectText({
        code: 'invalid_filter_value',
        detail: DETAIL,
        meta: { reason: 'choice', parameter: 'filter[status]', allowed: ['open', 'in_progress', 'closed'] },
        source: { parameter: 'filter[status]' },
      }),
    ).toBe(
      'filter[status] muss Offen, In Bearbeitung oder Geschlossen sein oder eine kommagetrennte Liste davon.',
    );
  });

  // The values placed in the sentence are isolated (FSI … PDI), so they keep their own direction.
  it('are the catalog’s labels in Arabic, joined with أو', async () => {
    await switchLanguage('ar');
    expect(
      errorObjectText({
        code: 'invalid_value',
        detail: DETAIL,
        meta: { allowed: ['open', 'closed'] },
        source: { pointer: '/data/attributes/status' },
      }),
    ).toBe('اختر إحدى هذه القيم: \u2068مفتوحة أو مغلقة\u2069.');
    expect(
      errorObjectText({
        code: 'setting_invalid',
        detail: DETAIL,
        meta: { reason: 'choice', key: 'calendar.default_view', allowed: ['month', 'week', 'day'] },
      }),
    ).not.toMatch(/month|week|day/);
  });

  it('take the list of the field the error names when two lists hold the values', async () => {
    await switchLanguage('de');
    expect(allowedValueLabels(['in_progress'], { field: 'status' })).toEqual(['In Bearbeitung']);
    expect(allowedValueLabels(['in_progress'], { field: 'callStatus' })).not.toEqual(['In Bearbeitung']);
  });

  it('stay as they are where the catalog has no label for them (what one types in the API)', async () => {
    await switchLanguage('de');
    expect(allowedValueLabels(['subject', 'dueDate'], { field: 'sort' })).toEqual(['subject', 'dueDate']);
    expect(allowedValueLabels(['open', 'done'], {})).toEqual(['open', 'done']);
  });

  it('find the field in a pointer or a filter parameter', () => {
    expect(fieldNameOf('/data/attributes/priority')).toBe('priority');
    expect(fieldNameOf('filter[status][in]')).toBe('status');
    expect(fieldNameOf(undefined)).toBeUndefined();
  });
});
