import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  buildAdmin,
  buildInstanceAdmin,
  buildMember,
  buildOrganization,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { resolveSettings } from '../../platform/settings';

type Browser = Awaited<ReturnType<typeof signIn>>;
type SettingResource = { id: string; attributes: Record<string, unknown> };

const patchBody = (key: string, scope: string, value: unknown) => ({
  data: { type: 'settings', id: key, attributes: { scope, value } },
});

/**
 * The Configuration pages' settings (issue 15 items 1–3, 8): the three levels of every new key, the
 * organization's locks ("users may override"), switches a user key depends on, the signature's
 * sanitizing and the default From address.
 */
describe('configuration settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (browser: Browser, scope: string) => {
    const response = await browser.request({ method: 'GET', url: `/api/settings?scope=${scope}` });
    expect(response.statusCode, response.body).toBe(200);
    return new Map((response.json().data as SettingResource[]).map((s) => [s.id, s.attributes]));
  };
  const patch = (browser: Browser, key: string, scope: string, value: unknown) =>
    browser.request({ method: 'PATCH', url: `/api/settings/${key}`, payload: patchBody(key, scope, value) });

  it('inherits every level: system → organization → user, each saying where its value comes from', async () => {
    const organization = await buildOrganization(t);
    const instance = await signIn(t.app, (await buildInstanceAdmin(t)).username, TEST_PASSWORD);
    const admin = await signIn(t.app, (await buildAdmin(t, organization)).username, TEST_PASSWORD);
    const member = await buildMember(t, organization);
    const user = await signIn(t.app, member.username, TEST_PASSWORD);

    expect((await list(user, 'user')).get('display.records_per_page')).toMatchObject({
      value: 25,
      inheritedFrom: 'default',
      parentOrigin: 'default',
      settable: true,
    });
    expect((await patch(instance, 'display.records_per_page', 'system', 50)).statusCode).toBe(200);
    expect((await list(admin, 'organization')).get('display.records_per_page')).toMatchObject({
      value: 50,
      inheritedFrom: 'system',
      parentValue: 50,
      parentOrigin: 'system',
    });
    expect((await patch(admin, 'display.records_per_page', 'organization', 10)).statusCode).toBe(200);
    expect((await list(user, 'user')).get('display.records_per_page')).toMatchObject({
      value: 10,
      inheritedFrom: 'organization',
      parentValue: 10,
      parentOrigin: 'organization',
    });
    expect((await patch(user, 'display.records_per_page', 'user', 100)).statusCode).toBe(200);
    expect((await list(user, 'user')).get('display.records_per_page')).toMatchObject({
      value: 100,
      inheritedFrom: null,
      parentValue: 10,
      parentOrigin: 'organization',
    });
    const settings = await resolveSettings(t.deps.db, { organizationId: organization.id, userId: member.id });
    expect(settings['display.records_per_page']).toBe(100);
    // Use Organization again, then the organization uses the system's value again
    expect((await patch(user, 'display.records_per_page', 'user', null)).statusCode).toBe(200);
    expect((await patch(admin, 'display.records_per_page', 'organization', null)).statusCode).toBe(200);
    expect((await list(user, 'user')).get('display.records_per_page')).toMatchObject({
      value: 50,
      inheritedFrom: 'system',
    });
    expect((await patch(instance, 'display.records_per_page', 'system', null)).statusCode).toBe(200);
  });

  it('refuses values outside each key’s choices, with a pointer, and stores nothing', async () => {
    const user = await signIn(t.app, (await buildMember(t)).username, TEST_PASSWORD);
    for (const [key, value] of [
      ['display.records_per_page', 30],
      ['activities.page_size', 5],
      ['activities.page_size', '10'],
      ['activities.sort_direction', 'sideways'],
      ['activities.sort_field', 'subject'],
      ['calendar.default_view', 'year'],
      ['localization.first_day_of_week', 'friday'],
      ['localization.name_format', 'backwards'],
      ['localization.date_format', 'tiny'],
      ['localization.time_format', 'h24'],
      ['localization.language', 'xx'],
      ['email.reply_default', 'forward'],
      ['email.append_signature', true],
      ['email.default_from', 'not an address'],
      ['email.signature', 'x'.repeat(10_001)],
    ] as const) {
      const refused = await patch(user, key, 'user', value);
      expect([400, 422], `${key}=${String(value).slice(0, 20)}`).toContain(refused.statusCode);
      expect(refused.json().errors[0].source.pointer).toBe('/data/attributes/value');
    }
    // keys a user may not set at all
    for (const key of ['email.attachment_max_mb', 'meeting_links.enabled', 'configuration.locked_keys']) {
      const refused = await patch(user, key, 'user', key === 'configuration.locked_keys' ? [] : 5);
      expect(refused.statusCode, key).toBe(422);
      expect(refused.json().errors[0].source.pointer).toBe('/data/attributes/scope');
    }
    const mine = await list(user, 'user');
    expect(mine.get('activities.page_size')).toMatchObject({ value: 10, inheritedFrom: 'default' });
    expect(mine.get('email.signature')).toMatchObject({ value: '', inheritedFrom: 'default' });
  });

  it('keeps a signature’s formatting and links but drops scripts and unsafe links', async () => {
    const user = await signIn(t.app, (await buildMember(t)).username, TEST_PASSWORD);
    const saved = await patch(
      user,
      'email.signature',
      'user',
      '<p><strong>Ada</strong><script>alert(1)</script> <a href="javascript:alert(1)" onclick="x()">x</a> <a href="https://example.com">site</a></p>',
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = '<p><strong>Ada</strong> <a>x</a> <a href="https://example.com">site</a></p>';
    expect(saved.json().data.attributes.value).toBe(expected);
    expect((await list(user, 'user')).get('email.signature')).toMatchObject({
      value: expected,
      inheritedFrom: null,
    });
  });

  it('takes only one of my own addresses as the default From address', async () => {
    const member = await buildMember(t);
    const user = await signIn(t.app, member.username, TEST_PASSWORD);
    const someoneElse = await buildMember(t);
    const refused = await patch(user, 'email.default_from', 'user', someoneElse.email);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].source.pointer).toBe('/data/attributes/value');
    const own = await patch(user, 'email.default_from', 'user', member.email.toUpperCase());
    expect(own.statusCode, own.body).toBe(200);
    expect((await patch(user, 'email.default_from', 'user', '')).statusCode).toBe(200);
  });

  it('lets the organization lock keys users may not override, enforced by the server', async () => {
    const organization = await buildOrganization(t);
    const admin = await signIn(t.app, (await buildAdmin(t, organization)).username, TEST_PASSWORD);
    const member = await buildMember(t, organization);
    const user = await signIn(t.app, member.username, TEST_PASSWORD);
    const elsewhere = await signIn(t.app, (await buildMember(t)).username, TEST_PASSWORD);

    expect((await patch(user, 'localization.timezone', 'user', 'Asia/Tokyo')).statusCode).toBe(200);
    expect((await patch(admin, 'localization.timezone', 'organization', 'Europe/Berlin')).statusCode).toBe(
      200,
    );
    const bad = await patch(admin, 'configuration.locked_keys', 'organization', [
      'localization.timezone',
      'password.min_length',
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].source.pointer).toBe('/data/attributes/value/1');
    const twice = await patch(admin, 'configuration.locked_keys', 'organization', ['a.b', 'a.b']);
    expect(twice.statusCode).toBe(422);
    const wrongType = await patch(admin, 'configuration.locked_keys', 'organization', [1]);
    expect(wrongType.statusCode).toBe(400);

    expect(
      (await patch(admin, 'configuration.locked_keys', 'organization', ['localization.timezone'])).statusCode,
    ).toBe(200);
    // The user's own value no longer applies; the organization's does, and they cannot set one.
    expect((await list(user, 'user')).get('localization.timezone')).toMatchObject({
      value: 'Europe/Berlin',
      inheritedFrom: 'organization',
      settable: false,
    });
    expect(
      (await resolveSettings(t.deps.db, { organizationId: organization.id, userId: member.id }))[
        'localization.timezone'
      ],
    ).toBe('Europe/Berlin');
    const locked = await patch(user, 'localization.timezone', 'user', 'Asia/Tokyo');
    expect(locked.statusCode).toBe(422);
    expect(locked.json().errors[0]).toMatchObject({
      code: 'setting_locked',
      source: { pointer: '/data/attributes/scope' },
    });
    // Other organizations are untouched.
    expect((await list(elsewhere, 'user')).get('localization.timezone')).toMatchObject({ settable: true });
    // Unlocked: the user's kept value returns.
    expect((await patch(admin, 'configuration.locked_keys', 'organization', null)).statusCode).toBe(200);
    expect((await list(user, 'user')).get('localization.timezone')).toMatchObject({
      value: 'Asia/Tokyo',
      inheritedFrom: null,
      settable: true,
    });
  });

  it('turns meeting links off for everyone while the organization does not allow them', async () => {
    const organization = await buildOrganization(t);
    const admin = await signIn(t.app, (await buildAdmin(t, organization)).username, TEST_PASSWORD);
    const user = await signIn(t.app, (await buildMember(t, organization)).username, TEST_PASSWORD);
    // Meeting links are off by default (issue 13): a user cannot turn on what the organization has not.
    expect((await patch(user, 'integrations.meeting_links', 'user', true)).statusCode).toBe(422);
    expect((await patch(admin, 'meeting_links.enabled', 'organization', true)).statusCode).toBe(200);
    const notABoolean = await patch(user, 'integrations.meeting_links', 'user', 'on');
    expect(notABoolean.statusCode).toBe(422);
    expect(notABoolean.json().errors[0].source.pointer).toBe('/data/attributes/value');
    expect((await patch(user, 'integrations.meeting_links', 'user', true)).statusCode).toBe(200);
    expect((await patch(admin, 'meeting_links.enabled', 'organization', false)).statusCode).toBe(200);
    expect((await list(user, 'user')).get('integrations.meeting_links')).toMatchObject({
      value: false,
      inheritedFrom: 'organization',
      settable: false,
    });
    expect((await patch(user, 'integrations.meeting_links', 'user', true)).statusCode).toBe(422);
    expect((await patch(admin, 'meeting_links.enabled', 'organization', true)).statusCode).toBe(200);
    const again = (await list(user, 'user')).get('integrations.meeting_links');
    expect(again, JSON.stringify(again)).toMatchObject({ value: true, settable: true });
  });
});
