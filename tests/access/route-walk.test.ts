import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../common/permissions';
import { newId } from '../../server/platform/ids';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * Deny by default (DESIGN.md §4, ASVS 8.2.1): walks every registered /api route. Each declares its
 * access; each non-public route answers 401 to an anonymous caller, and each permission route
 * answers 403 to a signed-in member whose roles grant nothing.
 */
describe('every API route declares and enforces its access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, newId());

  it('has routes to walk, each with a known access value', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(5);
    const allowed = new Set<string>(['public', 'authenticated', ...permissions]);
    for (const route of t.app.apiRoutes)
      expect(allowed.has(route.access), `${route.method} ${route.url}`).toBe(true);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const nonPublic = t.app.apiRoutes.filter((r) => r.access !== 'public');
    // The walk proves nothing over an empty list: most of the API needs a caller.
    expect(nonPublic.length).toBeGreaterThan(t.app.apiRoutes.length / 2);
    for (const route of nonPublic) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('refuses members without the permission on every permission route', async () => {
    const organization = await buildOrganization(t);
    const user = await buildUser(t, { organization, roles: [] });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const guarded = t.app.apiRoutes.filter((r) => r.access !== 'public' && r.access !== 'authenticated');
    // Users, roles, organizations, settings, custom fields, mail, audit: each has guarded routes.
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const response = await browser.request({ method: route.method as 'GET', url: concrete(route.url) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('refuses a malformed body on every route that takes one, with a JSON:API error and a pointer', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildUser(t, { organization, roles: ['Administrator'] });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const withBody = t.app.apiRoutes.filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method));
    expect(withBody.length).toBeGreaterThan(10);
    for (const route of withBody) {
      const response = await browser.request({
        method: route.method as 'POST',
        url: concrete(route.url),
        payload: { data: { type: 'not-a-type', attributes: { isAdmin: true } } },
      });
      const label = `${route.method} ${route.url}: ${response.body}`;
      expect([400, 406, 415, 422], label).toContain(response.statusCode);
      const [error] = response.json().errors;
      expect(error.code, label).toEqual(expect.any(String));
      expect(error.detail, label).toEqual(expect.any(String));
      // A pointer into the body (or, for a refused media type, the header at fault).
      const [kind, where] = Object.entries(error.source ?? {})[0] ?? [];
      expect(['pointer', 'parameter', 'header'], label).toContain(kind);
      expect(where, label).toEqual(expect.any(String));
    }
  });

  it('refuses to start with a route that declares no access', async () => {
    const { buildApp } = await import('../../server/app');
    const { registerFeatures } = await import('../../server/features/index');
    expect(typeof registerFeatures).toBe('function');
    const app = await buildApp({ ...t.deps, webDist: false, logger: false });
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });
});
