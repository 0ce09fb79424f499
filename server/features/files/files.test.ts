import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, type TestApp } from '../../../tests/helpers/app';
import { type BuiltOrganization, buildOrganization } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { multipartFile, revokeFromRole, tinyPng } from '../../../tests/helpers/uploads';
import { writeSetting } from '../../platform/settings';
import { cleanFileName } from './service';

describe('files (email attachments)', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let sender: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
    sender = (await signedInUser(t, { organization })).browser;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (browser: Browser, file: Buffer, options: Parameters<typeof multipartFile>[1] = {}) => {
    const body = multipartFile(file, options);
    return browser.request({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
  };

  it('requires authentication and emails.send', async () => {
    const body = multipartFile(Buffer.from('hello'));
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const url of [
      '/api/files/0194f1c2-0000-7000-8000-000000000000',
      '/api/files/0194f1c2-0000-7000-8000-000000000000/content',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const other = await buildOrganization(t);
    await revokeFromRole(t, other, 'User', ['emails.send']);
    const { browser } = await signedInUser(t, { organization: other });
    expect((await upload(browser, Buffer.from('hello'))).statusCode).toBe(403);
  });

  it('stores a file with the type sniffed from its content, and gives it back to its uploader', async () => {
    const created = await upload(sender, tinyPng, {
      filename: 'C:\\Users\\ada\\résumé final.txt',
      type: 'text/plain',
    });
    expect(created.statusCode, created.body).toBe(201);
    const file = created.json().data;
    expect(file.attributes).toMatchObject({
      fileName: 'résumé final.txt',
      contentType: 'image/png',
      size: tinyPng.length,
    });
    expect(created.headers.location).toBe(`/api/files/${file.id}`);
    expect((await sender.request({ method: 'GET', url: `/api/files/${file.id}` })).json().data.id).toBe(
      file.id,
    );
    const download = await sender.request({ method: 'GET', url: file.links.download });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="r_sum_ final.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt`,
    );
    expect(download.rawPayload.equals(tinyPng)).toBe(true);

    const text = await upload(sender, Buffer.from('name,phone\nAda,+44\n'), { filename: 'list.csv' });
    expect(text.json().data.attributes.contentType).toBe('text/plain');
  });

  it('refuses unknown binaries, programs, empty files and non-multipart bodies, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('files')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const binary = await upload(sender, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10]));
    expect(binary.statusCode).toBe(415);
    expect(binary.json().errors[0].code).toBe('file_type_unknown');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
    exe.writeUInt32LE(64, 0x3c);
    expect((await upload(sender, exe, { filename: 'setup.exe' })).statusCode).toBe(415);
    expect((await upload(sender, Buffer.alloc(0))).statusCode).toBe(415);
    expect((await upload(sender, Buffer.from('x'), { field: 'other' })).statusCode).toBe(400);
    const json = await sender.request({ method: 'POST', url: '/api/files', payload: { data: {} } });
    expect(json.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('keeps to the organization’s attachment size limit (413, nothing stored)', async () => {
    const small = await buildOrganization(t);
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: small.id },
      'email.attachment_max_mb',
      1,
    );
    const { browser } = await signedInUser(t, { organization: small });
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const refused = await upload(browser, big, { filename: 'big.txt' });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().errors[0].code).toBe('attachment_too_large');
    expect((await upload(browser, Buffer.alloc(1024 * 1024, 'a'))).statusCode).toBe(201);
  });

  it('hides a file from other users and other organizations (404)', async () => {
    const id = (await upload(sender, Buffer.from('secret'))).json().data.id;
    const { browser: colleague } = await signedInUser(t, { organization });
    const { browser: outsider } = await signedInUser(t);
    for (const browser of [colleague, outsider]) {
      expect((await browser.request({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
      expect((await browser.request({ method: 'GET', url: `/api/files/${id}/content` })).statusCode).toBe(
        404,
      );
    }
  });

  it('cleans file names: last path segment, no controls or bidi overrides', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(cleanFileName('a\r\nb')).toBe('ab');
    expect(cleanFileName('say "hi".txt')).toBe('say hi.txt');
    expect(cleanFileName('..')).toBe('attachment');
    expect(cleanFileName('')).toBe('attachment');
  });
});
