import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { type BuiltOrganization, buildOrganization } from '../helpers/factories';
import { signedInUser } from '../helpers/scenarios';
import { revokeFromRole } from '../helpers/uploads';

type Browser = Awaited<ReturnType<typeof signedInUser>>['browser'];

/** `meta.abilities` of a list, after checking it answered. */
async function listAbilities(browser: Browser, url: string): Promise<unknown> {
  const response = await browser.request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json().meta?.abilities;
}

describe('meta.abilities of the lists: what I may do from them, as the policies answer', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an administrator may do everything each list offers', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    expect(await listAbilities(browser, '/api/roles')).toEqual({ update: true });
    expect(await listAbilities(browser, '/api/email-templates')).toEqual({
      create: true,
      update: true,
      delete: true,
    });
    expect(await listAbilities(browser, '/api/mail-messages')).toEqual({ retry: true });
    expect(await listAbilities(browser, '/api/organizations')).toEqual({ create: true, rename: true });
    expect(await listAbilities(browser, '/api/custom-fields')).toEqual({
      create: true,
      update: true,
      delete: true,
    });
    expect(await listAbilities(browser, '/api/tasks')).toEqual({ create: true, assign: true });
    expect(await listAbilities(browser, '/api/calls')).toEqual({ create: true });
  });

  it('a plain member reads the lists open to them and may change none of them', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['User'] });
    expect(await listAbilities(browser, '/api/roles')).toEqual({ update: false });
    expect(await listAbilities(browser, '/api/email-templates')).toEqual({
      create: false,
      update: false,
      delete: false,
    });
    expect(await listAbilities(browser, '/api/organizations')).toEqual({ create: false, rename: false });
    expect(await listAbilities(browser, '/api/custom-fields')).toEqual({
      create: false,
      update: false,
      delete: false,
    });
    // The outbox is not theirs to read at all.
    const outbox = await browser.request({ method: 'GET', url: '/api/mail-messages' });
    expect(outbox.statusCode).toBe(403);
    expect(outbox.json().meta).toBeUndefined();
    // Everyone keeps tasks of their own; User may assign tasks and log calls until that is revoked.
    expect(await listAbilities(browser, '/api/tasks')).toEqual({ create: true, assign: true });
    expect(await listAbilities(browser, '/api/calls')).toEqual({ create: true });
  });

  it('without tasks.assign and calls.log: tasks of my own only, and no Log Call', async () => {
    const restricted = await buildOrganization(t);
    await revokeFromRole(t, restricted, 'User', ['tasks.assign', 'calls.log']);
    const { browser } = await signedInUser(t, { organization: restricted, roles: ['User'] });
    expect(await listAbilities(browser, '/api/tasks')).toEqual({ create: true, assign: false });
    expect(await listAbilities(browser, '/api/calls')).toEqual({ create: false });
  });

  it('the abilities sit beside meta.totalCount when it is asked for', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    const response = await browser.request({
      method: 'GET',
      url: '/api/organizations',
      headers: { 'x-include': 'totalCount' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().meta).toEqual({ totalCount: 1, abilities: { create: true, rename: true } });
  });
});
