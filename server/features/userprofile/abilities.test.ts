import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceAbilities } from '../../../common/abilities';
import { createTestApp, type TestApp } from '../../../tests/helpers/app';
import { type BuiltOrganization, buildOrganization } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

type Browser = Awaited<ReturnType<typeof signedInUser>>['browser'];

/** The workspace part of my profile's `meta.abilities` (the user part: users/abilities.test.ts). */
async function workspaceAbilities(browser: Browser): Promise<WorkspaceAbilities> {
  const response = await browser.request({ method: 'GET', url: '/api/userprofile' });
  expect(response.statusCode).toBe(200);
  const { viewAuditLog, manageMail, manageCustomFields, editOrganizationMenus, configure } =
    response.json().data.meta.abilities;
  return { viewAuditLog, manageMail, manageCustomFields, editOrganizationMenus, configure };
}

describe('meta.abilities of my profile: the pages and levels of the workspace (GET /api/userprofile)', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an organization's administrator reaches its pages and levels, not the system's", async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    expect(await workspaceAbilities(browser)).toEqual({
      viewAuditLog: true,
      manageMail: true,
      manageCustomFields: true,
      editOrganizationMenus: true,
      configure: { user: true, organization: true, system: false },
    });
  });

  it('an instance administrator also configures the system', async () => {
    const { browser } = await signedInUser(t, {
      organization,
      roles: ['Administrator'],
      instanceAdministrator: true,
    });
    expect((await workspaceAbilities(browser)).configure).toEqual({
      user: true,
      organization: true,
      system: true,
    });
  });

  it('a manager reads the audit log and nothing else of the administration', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['Manager'] });
    expect(await workspaceAbilities(browser)).toEqual({
      viewAuditLog: true,
      manageMail: false,
      manageCustomFields: false,
      editOrganizationMenus: false,
      configure: { user: true, organization: false, system: false },
    });
  });

  it('a plain member configures only their own settings', async () => {
    const { browser } = await signedInUser(t, { organization, roles: ['User'] });
    expect(await workspaceAbilities(browser)).toEqual({
      viewAuditLog: false,
      manageMail: false,
      manageCustomFields: false,
      editOrganizationMenus: false,
      configure: { user: true, organization: false, system: false },
    });
  });
});
