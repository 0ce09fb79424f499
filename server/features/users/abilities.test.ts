import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type UserAbilities, userAbilities } from '../../../common/abilities';
import { createTestApp, type TestApp } from '../../../tests/helpers/app';
import { type BuiltOrganization, buildOrganization, buildUser } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { revokeFromRole } from '../../../tests/helpers/uploads';

/** Every ability true except those named. */
const allBut = (...denied: (keyof UserAbilities)[]): UserAbilities =>
  Object.fromEntries(userAbilities.map((ability) => [ability, !denied.includes(ability)])) as UserAbilities;

/**
 * The user abilities of an answer's `meta.abilities`: my profile's carries the workspace's too
 * (asserted in userprofile/abilities.test.ts); a user resource's carries nothing else.
 */
const userAbilitiesIn = (url: string, abilities: Record<string, boolean>) =>
  url === '/api/userprofile'
    ? Object.fromEntries(userAbilities.map((ability) => [ability, abilities[ability]]))
    : abilities;

/** Every ability false except those named. */
const only = (...allowed: (keyof UserAbilities)[]): UserAbilities =>
  Object.fromEntries(userAbilities.map((ability) => [ability, allowed.includes(ability)])) as UserAbilities;

describe('meta.abilities of a user (GET /api/users/{id}, /api/users/me, /api/userprofile)', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an administrator may do everything to a member, but not edit their menus or configuration', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    const target = await buildUser(t, { organization, roles: ['User'] });
    const response = await browser.request({ method: 'GET', url: `/api/users/${target.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.meta.abilities).toEqual(allBut('editMenus', 'editConfiguration'));
  });

  it('an administrator may do everything to themselves except disable their own account', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    for (const url of ['/api/users/me', '/api/userprofile']) {
      const response = await browser.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(userAbilitiesIn(url, response.json().data.meta.abilities), url).toEqual(allBut('disable'));
    }
  });

  it("only an instance administrator takes over another instance administrator's account", async () => {
    const target = await buildUser(t, {
      organization,
      roles: ['Administrator'],
      instanceAdministrator: true,
    });
    const denied = ['update', 'changePassword', 'resetPassword', 'disable'] as const;
    const administrator = await signedInUser(t, { organization, roles: ['Administrator'] });
    const asAdministrator = await administrator.browser.request({
      method: 'GET',
      url: `/api/users/${target.id}`,
    });
    expect(asAdministrator.json().data.meta.abilities).toEqual(
      allBut(...denied, 'editMenus', 'editConfiguration'),
    );
    const instanceAdministrator = await signedInUser(t, {
      organization,
      roles: ['Administrator'],
      instanceAdministrator: true,
    });
    const asInstanceAdministrator = await instanceAdministrator.browser.request({
      method: 'GET',
      url: `/api/users/${target.id}`,
    });
    expect(asInstanceAdministrator.json().data.meta.abilities).toEqual(
      allBut('editMenus', 'editConfiguration'),
    );
  });

  it('a plain member edits themselves and reaches a colleague only through the shared actions', async () => {
    const { user, browser } = await signedInUser(t, { organization, roles: ['User'] });
    const own = only(
      'update',
      'generateApiKey',
      'sendEmail',
      'logCall',
      'assignEvent',
      'assignTask',
      'viewActivity',
      'viewCalendar',
      'viewTasks',
      'viewSecurityEvents',
      'editMenus',
      'editConfiguration',
    );
    for (const url of ['/api/users/me', `/api/users/${user.id}`, '/api/userprofile']) {
      const response = await browser.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(userAbilitiesIn(url, response.json().data.meta.abilities), url).toEqual(own);
    }
    const colleague = await buildUser(t, { organization, roles: ['User'] });
    const response = await browser.request({ method: 'GET', url: `/api/users/${colleague.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.meta.abilities).toEqual(
      only('sendEmail', 'logCall', 'assignEvent', 'assignTask', 'viewCalendar', 'viewTasks'),
    );
  });

  it('a PATCH answers with the abilities after the change', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Manager'] });
    const target = await buildUser(t, { organization, roles: ['User'] });
    const response = await browser.request({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      payload: { data: { type: 'users', attributes: { firstName: 'Changed' } } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.meta.abilities).toEqual(
      allBut('changePassword', 'resetPassword', 'generateApiKey', 'editMenus', 'editConfiguration'),
    );
  });

  it("another organization's user answers 404, with no abilities", async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    const stranger = await buildUser(t, { roles: ['User'] });
    const response = await browser.request({ method: 'GET', url: `/api/users/${stranger.id}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().data).toBeUndefined();
  });

  it('the users list says what I may do from the grid (meta.abilities of GET /api/users)', async () => {
    const { browser: administrator } = await signedInUser(t, { organization, roles: ['Administrator'] });
    const all = await administrator.request({ method: 'GET', url: '/api/users' });
    expect(all.statusCode).toBe(200);
    expect(all.json().meta.abilities).toEqual({ create: true, disable: true, resetPassword: true });

    // Someone who may only view users: no Create User, no bulk actions.
    const viewers = await buildOrganization(t);
    await revokeFromRole(t, viewers, 'Administrator', [
      'users.create',
      'users.disable',
      'password_management',
    ]);
    const { browser: viewer } = await signedInUser(t, { organization: viewers, roles: ['Administrator'] });
    const none = await viewer.request({
      method: 'GET',
      url: '/api/users',
      headers: { 'x-include': 'totalCount' },
    });
    expect(none.statusCode).toBe(200);
    expect(none.json().meta).toEqual({
      totalCount: 1,
      abilities: { create: false, disable: false, resetPassword: false },
    });
  });
});
