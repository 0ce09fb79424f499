import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

/** The API sandbox (/api/doc): its own CSP is as strict as the app's, and it offers Bearer keys. */
describe('the API sandbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is served under a strict CSP that still lets Swagger UI work', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/doc' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('https:');
    // on plain http, upgrade-insecure-requests would send "Try it out" to https
    expect(csp).not.toContain('upgrade-insecure-requests');
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://atrium.example' } });
    try {
      const securePage = await secure.app.inject({ method: 'GET', url: '/api/doc' });
      expect(String(securePage.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('describes Bearer API keys and the api-key routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/doc/openapi.json' });
    const document = response.json();
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(document.paths['/api/users/{id}/api-key']).sort()).toEqual(['delete', 'get', 'post']);
  });
});
