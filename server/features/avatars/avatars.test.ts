import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  buildAdmin,
  buildOrganization,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

/** A multipart/form-data body with one file part. */
function multipart(file: Buffer, options: { field?: string; filename?: string; type?: string } = {}) {
  const boundary = `----atrium${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'me.png'}"\r\nContent-Type: ${options.type ?? 'image/png'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function picture(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 320, height = 200): Promise<Buffer> {
  const image = sharp({
    create: { width, height, channels: 4, background: { r: 200, g: 40, b: 90, alpha: 1 } },
  });
  return image[format]().toBuffer();
}

/** A valid PNG header claiming 20000×20000 pixels (a decompression bomb's calling card). */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(await picture('png', 8, 8));
  png.writeUInt32BE(20_000, 16);
  png.writeUInt32BE(20_000, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

describe('avatars: /api/users/{id}/avatar', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const member = (roles: ('Administrator' | 'User')[] = ['User']) => signedInUser(t, { organization, roles });

  function upload(browser: Browser, id: string, file: Buffer, options: Parameters<typeof multipart>[1] = {}) {
    const body = multipart(file, options);
    return browser.request({
      method: 'PUT',
      url: `/api/users/${id}/avatar`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
  }

  const avatarDir = () => path.join(t.config.dataDir, 'avatars');
  const files = () => (fs.existsSync(avatarDir()) ? fs.readdirSync(avatarDir()).sort() : []);

  async function storageKeyOf(userId: string) {
    const row = await t.deps.db
      .selectFrom('avatars')
      .select('storageKey')
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row?.storageKey;
  }

  it('requires authentication', async () => {
    for (const method of ['PUT', 'GET', 'DELETE'] as const) {
      expect((await t.app.inject({ method, url: '/api/users/me/avatar' })).statusCode).toBe(401);
    }
  });

  it('stores a PNG as WebP at 256 and 58 px under a server-made name and serves it safely', async () => {
    const { user, browser } = await member();
    const response = await upload(browser, 'me', await picture('png', 640, 480), {
      filename: '../../etc/passwd.png',
    });
    expect(response.statusCode, response.body).toBe(200);
    const key = await storageKeyOf(user.id);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(files()).toEqual(expect.arrayContaining([`${key}-256.webp`, `${key}-58.webp`]));
    expect(files().some((name) => name.includes('passwd') || name.startsWith('.tmp-'))).toBe(false);

    for (const size of [256, 58]) {
      const image = await browser.request({ method: 'GET', url: `/api/users/me/avatar?size=${size}` });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/webp');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(image.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(image.headers['cache-control']).toBe('private, no-cache');
      expect(image.headers.etag).toMatch(/^"[0-9a-f]{16}-\d+"$/);
      const metadata = await sharp(image.rawPayload).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width: size, height: size });
      const again = await browser.request({
        method: 'GET',
        url: `/api/users/me/avatar?size=${size}`,
        headers: { 'if-none-match': image.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
    }
    // The profile links to the current version, which may be cached for long.
    const profile = (await browser.request({ method: 'GET', url: '/api/users/me' })).json().data;
    expect(profile.links.avatar).toMatch(
      new RegExp(`^/api/users/${user.id}/avatar\\?size=256&v=[0-9a-f]{16}$`),
    );
    expect(profile.attributes.avatarUrl).toBe(profile.links.avatar);
    const versioned = await browser.request({ method: 'GET', url: profile.links.avatar });
    expect(versioned.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectUserId', '=', user.id)
      .where('action', '=', 'avatar.changed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts JPEG, WebP and GIF by content whatever the name and declared type say; strips metadata', async () => {
    const { browser } = await member();
    for (const format of ['jpeg', 'webp', 'gif'] as const) {
      const response = await upload(browser, 'me', await picture(format), {
        filename: 'x.txt',
        type: 'text/plain',
      });
      expect(response.statusCode, `${format}: ${response.body}`).toBe(200);
    }
    const withGps = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#123456' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret Location', Artist: 'Someone' }, IFD3: { GPSLatitudeRef: 'N' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    expect((await upload(browser, 'me', withGps)).statusCode).toBe(200);
    const image = await browser.request({ method: 'GET', url: '/api/users/me/avatar?size=256' });
    const metadata = await sharp(image.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(image.rawPayload.includes(Buffer.from('Secret Location'))).toBe(false);
  });

  it('refuses non-images, truncated images, pixel bombs and files over 5 MB, keeping the old avatar', async () => {
    const { user, browser } = await member();
    expect((await upload(browser, 'me', await picture('png'))).statusCode).toBe(200);
    const key = await storageKeyOf(user.id);
    const before = files();
    const png = await picture('png', 400, 400);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const huge = Buffer.alloc(6 * 1024 * 1024, 1);
    png.copy(huge);
    for (const [label, file, status, code] of [
      ['text', Buffer.from('just some text, not a picture'), 415, 'avatar_type_not_supported'],
      ['svg', svg, 415, 'avatar_type_not_supported'],
      ['html named .png', html, 415, 'avatar_type_not_supported'],
      ['pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), 415, 'avatar_type_not_supported'],
      ['truncated png', png.subarray(0, png.length - 60), 422, 'avatar_unreadable'],
      ['truncated jpeg', (await picture('jpeg', 400, 400)).subarray(0, 300), 422, 'avatar_unreadable'],
      ['pixel bomb', await pixelBomb(), 422, 'avatar_too_many_pixels'],
      ['6 MB', huge, 413, 'avatar_too_large'],
    ] as const) {
      const response = await upload(browser, 'me', file);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expect(response.json().errors[0].code, label).toBe(code);
      expect(await storageKeyOf(user.id), label).toBe(key);
    }
    expect(files()).toEqual(before);
    expect((await browser.request({ method: 'GET', url: '/api/users/me/avatar' })).statusCode).toBe(200);
  });

  it('wants multipart with a field named file', async () => {
    const { browser } = await member();
    const json = await browser.request({ method: 'PUT', url: '/api/users/me/avatar', payload: { data: {} } });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload(browser, 'me', await picture('png'), { field: 'picture' });
    expect(wrongField.statusCode).toBe(400);
  });

  it('replaces and removes: old files go after the commit, the initials come back', async () => {
    const { user, browser } = await member();
    await upload(browser, 'me', await picture('png'));
    const first = await storageKeyOf(user.id);
    await upload(browser, 'me', await picture('gif'));
    const second = await storageKeyOf(user.id);
    expect(second).not.toBe(first);
    expect(files().some((name) => name.startsWith(`${first}-`))).toBe(false);
    expect(files().filter((name) => name.startsWith(`${second}-`))).toHaveLength(2);
    const removed = await browser.request({ method: 'DELETE', url: '/api/users/me/avatar' });
    expect(removed.statusCode).toBe(204);
    expect(await storageKeyOf(user.id)).toBeUndefined();
    expect(files().some((name) => name.startsWith(`${second}-`))).toBe(false);
    expect((await browser.request({ method: 'GET', url: '/api/users/me/avatar' })).statusCode).toBe(404);
    const profile = (await browser.request({ method: 'GET', url: '/api/users/me' })).json().data;
    expect(profile.attributes.avatarUrl).toBeNull();
    expect(profile.links.avatar).toBeUndefined();
    expect((await browser.request({ method: 'DELETE', url: '/api/users/me/avatar' })).statusCode).toBe(204);
  });

  it('applies the profile permissions: colleagues see, only users.edit changes, other organizations get 404', async () => {
    const { user, browser } = await member();
    await upload(browser, 'me', await picture('png'));
    const { browser: colleague } = await member();
    const { browser: administrator } = await member(['Administrator']);
    expect(
      (await colleague.request({ method: 'GET', url: `/api/users/${user.id}/avatar?size=58` })).statusCode,
    ).toBe(200);
    expect((await upload(colleague, user.id, await picture('png'))).statusCode).toBe(403);
    expect(
      (await colleague.request({ method: 'DELETE', url: `/api/users/${user.id}/avatar` })).statusCode,
    ).toBe(403);
    expect((await upload(administrator, user.id, await picture('webp'))).statusCode).toBe(200);

    const outsider = await buildAdmin(t);
    const foreign = await signIn(t.app, outsider.username, TEST_PASSWORD);
    expect((await foreign.request({ method: 'GET', url: `/api/users/${user.id}/avatar` })).statusCode).toBe(
      404,
    );
    expect((await upload(foreign, user.id, await picture('png'))).statusCode).toBe(404);
    expect(
      (await foreign.request({ method: 'DELETE', url: `/api/users/${user.id}/avatar` })).statusCode,
    ).toBe(404);
    expect(await storageKeyOf(user.id)).toBeDefined();
    // A bad query parameter is a 400 naming it, as on every route.
    const badSize = await browser.request({ method: 'GET', url: '/api/users/me/avatar?size=1024' });
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0].source).toEqual({ parameter: 'size' });
  });

  it('limits uploads per user: 20 in ten minutes, then 429 with Retry-After', async () => {
    const { browser } = await member();
    const small = await picture('png', 16, 16);
    for (let i = 0; i < 20; i++) expect((await upload(browser, 'me', small)).statusCode).toBe(200);
    const blocked = await upload(browser, 'me', small);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(10 * 60_000 + 1);
    expect((await upload(browser, 'me', small)).statusCode).toBe(200);
  });
});
