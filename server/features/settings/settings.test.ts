import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SettingKey, settingDefinitions } from '../../../common/settings';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildInstanceAdmin, buildMember, TEST_PASSWORD } from '../../../tests/helpers/factories';

type Browser = Awaited<ReturnType<typeof signIn>>;
type SettingResource = { id: string; attributes: Record<string, unknown> };

const patchBody = (key: string, scope: string, value: unknown) => ({
  data: { type: 'settings', id: key, attributes: { scope, value } },
});

describe('settings API', () => {
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

  it('needs a signed-in user and the permission of the level', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings?scope=system' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/settings/password.min_length' })).statusCode,
    ).toBe(401);
    const member = await signIn(t.app, (await buildMember(t)).username, TEST_PASSWORD);
    expect((await member.request({ method: 'GET', url: '/api/settings?scope=system' })).statusCode).toBe(403);
    expect(
      (await member.request({ method: 'GET', url: '/api/settings?scope=organization' })).statusCode,
    ).toBe(403);
    expect((await patch(member, 'password.min_length', 'organization', 20)).statusCode).toBe(403);
    // A member reads and sets their own level.
    const own = await list(member, 'user');
    expect(own.get('localization.timezone')).toMatchObject({
      value: 'UTC',
      inheritedFrom: 'default',
      settable: true,
    });
    expect(own.get('password.min_length')).toMatchObject({ settable: false });
    expect((await patch(member, 'localization.timezone', 'user', 'Europe/Berlin')).statusCode).toBe(200);
    expect((await list(member, 'user')).get('localization.timezone')).toMatchObject({
      value: 'Europe/Berlin',
      inheritedFrom: null,
    });
  });

  it('resolves system → organization with the level each value comes from, and falls back with null', async () => {
    const admin = await buildInstanceAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const system = await list(browser, 'system');
    expect(system.get('password.min_length')).toMatchObject({
      key: 'password.min_length',
      label: 'Minimal password length',
      scope: 'system',
      value: 12,
      inheritedFrom: 'default',
      settable: true,
    });
    expect(system.get('password.include_in_email')).toMatchObject({ insecure: true, value: false });

    const setSystem = await patch(browser, 'password.min_length', 'system', 14);
    expect(setSystem.statusCode).toBe(200);
    expect(setSystem.json().data.attributes).toMatchObject({
      value: 14,
      inheritedFrom: null,
      scope: 'system',
    });
    expect((await list(browser, 'organization')).get('password.min_length')).toMatchObject({
      value: 14,
      inheritedFrom: 'system',
      parentValue: 14,
    });

    expect((await patch(browser, 'password.min_length', 'organization', 10)).statusCode).toBe(200);
    expect((await list(browser, 'organization')).get('password.min_length')).toMatchObject({
      value: 10,
      inheritedFrom: null,
      parentValue: 14,
      parentOrigin: 'system',
    });
    const policy = await browser.request({ method: 'GET', url: '/api/password-policy' });
    expect(policy.json().data.attributes.minLength).toBe(10);

    // Another organization sees the system value, not this organization's.
    const otherAdmin = await signIn(t.app, (await buildAdmin(t)).username, TEST_PASSWORD);
    expect((await list(otherAdmin, 'organization')).get('password.min_length')).toMatchObject({ value: 14 });

    // "Use System": null removes the organization's value.
    const cleared = await patch(browser, 'password.min_length', 'organization', null);
    expect(cleared.json().data.attributes).toMatchObject({ value: 14, inheritedFrom: 'system' });
    await patch(browser, 'password.min_length', 'system', null);
    expect((await list(browser, 'system')).get('password.min_length')).toMatchObject({
      value: 12,
      inheritedFrom: 'default',
    });

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['details', 'organizationId'])
      .where('action', '=', 'settings.changed')
      .where('actorUserId', '=', admin.id)
      .execute();
    expect(audit.length).toBe(4);
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({
      key: 'password.min_length',
      scope: 'organization',
      to: 10,
    });
  });

  it('validates values by the registry (422 on value or scope), types and members (400), keys (404)', async () => {
    const admin = await buildInstanceAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const tooSmall = await patch(browser, 'password.min_length', 'organization', 7);
    expect(tooSmall.statusCode).toBe(422);
    expect(tooSmall.json().errors[0].source.pointer).toBe('/data/attributes/value');
    const wrongType = await patch(browser, 'password.numbers', 'organization', 'yes');
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/attributes/value');
    const objectValue = await patch(browser, 'password.numbers', 'organization', { on: true });
    expect(objectValue.statusCode).toBe(400);
    const scope = await patch(browser, 'lockout.threshold', 'organization', 5);
    expect(scope.statusCode).toBe(422);
    expect(scope.json().errors[0].source.pointer).toBe('/data/attributes/scope');
    const badScope = await patch(browser, 'password.numbers', 'galaxy', true);
    expect(badScope.statusCode).toBe(422);
    expect(badScope.json().errors[0].source.pointer).toBe('/data/attributes/scope');
    expect((await patch(browser, 'no.such.key', 'system', 1)).statusCode).toBe(404);
    const extra = await browser.request({
      method: 'PATCH',
      url: '/api/settings/password.numbers',
      payload: {
        data: {
          type: 'settings',
          id: 'password.numbers',
          attributes: { scope: 'system', value: true, organizationId: 'x' },
        },
      },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toBe('/data/attributes/organizationId');
    const mismatch = await browser.request({
      method: 'PATCH',
      url: '/api/settings/password.numbers',
      payload: patchBody('password.upper_case', 'system', true),
    });
    expect(mismatch.statusCode).toBe(409);
    // A bad query parameter is a 400 naming it (JSON:API), as on every route.
    const badQuery = await browser.request({ method: 'GET', url: '/api/settings?scope=everything' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].source).toEqual({ parameter: 'scope' });
    expect((await list(browser, 'system')).get('password.numbers')).toMatchObject({ value: false });
  });

  it('refuses a value with the setting rule’s own particulars in meta (setting_invalid)', async () => {
    const admin = await buildInstanceAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const refusal = async (key: SettingKey, value: unknown) => {
      const response = await patch(browser, key, settingDefinitions[key].scopes[0] ?? 'system', value);
      expect(response.statusCode, `${key}=${JSON.stringify(value)}`).toBe(422);
      const [error] = response.json().errors;
      expect(error.code).toBe('setting_invalid');
      expect(error.source.pointer).toBe('/data/attributes/value');
      return { detail: error.detail as string, meta: error.meta as Record<string, unknown> };
    };
    expect(await refusal('localization.language', 'es')).toEqual({
      detail: 'Language: Choose one of: en, de, fr, ar.',
      meta: { reason: 'choice', key: 'localization.language', allowed: ['en', 'de', 'fr', 'ar'] },
    });
    expect((await refusal('display.records_per_page', 7)).meta).toEqual({
      reason: 'choice',
      key: 'display.records_per_page',
      allowed: [10, 25, 50, 100],
    });
    expect((await refusal('email.attachments_max_count', 0)).meta).toMatchObject({
      reason: 'number_range',
      minimum: 1,
      maximum: 20,
    });
    // A text setting with a rule of its own names it and an example, whatever the fault.
    expect((await refusal('localization.locale', 'x')).meta).toEqual({
      reason: 'locale',
      key: 'localization.locale',
      example: 'en-US',
    });
    expect(await refusal('localization.timezone', 'Mars/Olympus_Mons')).toMatchObject({
      detail: expect.stringContaining('Choose a time zone such as Europe/Berlin.'),
      meta: { reason: 'time_zone', key: 'localization.timezone', example: 'Europe/Berlin' },
    });
  });

  it('My Configuration: a member sets their own locale and time zone, validated, apart from colleagues', async () => {
    const member = await buildMember(t);
    const colleague = await buildMember(t, member.organization);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const other = await signIn(t.app, colleague.username, TEST_PASSWORD);
    expect((await list(browser, 'user')).get('localization.locale')).toMatchObject({
      value: 'en-US',
      inheritedFrom: 'default',
    });
    for (const [key, value] of [
      ['localization.locale', 'de_de'],
      ['localization.locale', 'not a locale'],
      ['localization.timezone', 'Mars/Olympus_Mons'],
    ] as const) {
      const refused = await patch(browser, key, 'user', value);
      expect(refused.statusCode, `${key}=${value}`).toBe(422);
      expect(refused.json().errors[0].source.pointer).toBe('/data/attributes/value');
    }
    expect((await patch(browser, 'localization.locale', 'user', 'de-DE')).statusCode).toBe(200);
    expect((await patch(browser, 'localization.timezone', 'user', 'Europe/Berlin')).statusCode).toBe(200);
    const mine = await list(browser, 'user');
    expect(mine.get('localization.locale')).toMatchObject({ value: 'de-DE', inheritedFrom: null });
    expect(mine.get('localization.timezone')).toMatchObject({ value: 'Europe/Berlin', inheritedFrom: null });
    expect((await list(other, 'user')).get('localization.locale')).toMatchObject({ value: 'en-US' });
    // a member may not set the organization's level
    expect((await patch(browser, 'localization.locale', 'organization', 'fr-FR')).statusCode).toBe(403);
    // "Use Organization": back to the level above
    expect((await patch(browser, 'localization.locale', 'user', null)).statusCode).toBe(200);
    expect((await list(browser, 'user')).get('localization.locale')).toMatchObject({ value: 'en-US' });
  });

  it('names each setting in English (`label`) whatever the requester reads; `key` is what a client words', async () => {
    const member = await buildMember(t);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    expect((await patch(browser, 'localization.language', 'user', 'de')).statusCode).toBe(200);
    const response = await browser.request({
      method: 'GET',
      url: '/api/settings?scope=user',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const locale = (response.json().data as SettingResource[]).find((s) => s.id === 'localization.locale');
    expect(locale?.attributes).toMatchObject({ key: 'localization.locale', label: 'Locale' });
  });
});
