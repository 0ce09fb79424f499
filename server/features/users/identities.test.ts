import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../common/login-keys';
import { createTestApp, JSONAPI, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import { buildAdmin, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { usernameKey, usernameSkeleton } from './identities';

describe('identity keys', () => {
  it.each([
    ['dana', 'dana\u200b'], // zero-width space
    ['dana', '\u2060da\u00adna\ufeff'], // word joiner, soft hyphen, BOM
    ['dana', 'DANA'],
    ['dana', 'ｄａｎａ'], // full-width (NFKC)
    ['dana', 'ԁаnа'], // all Cyrillic: a whole-script look-alike
    ['dana', 'dαna'.replace('α', 'а')],
    ['modern', 'rnodern'], // m / rn
    ['d0na', 'dona'], // 0 / o
    ['lan', 'Ian'], // capital I drawn as l
    ['paypal', 'paypa1'],
    ['café', 'cafe\u0301'], // NFC / NFD
  ])('%j and %j have one skeleton', (a, b) => {
    expect(usernameSkeleton(a)).toBe(usernameSkeleton(b));
  });

  it.each([
    ['dana', 'dane'],
    ['ian', 'lan'], // lower-case i and l look different
    ['straße', 'strasse'],
  ])('%j and %j differ', (a, b) => {
    expect(usernameSkeleton(a)).not.toBe(usernameSkeleton(b));
  });

  it('keys emails by the IDNA form of their domain, and never gives a username an email key', () => {
    expect(normalizeEmail('lena@bücher.example')).toBe('lena@xn--bcher-kva.example');
    expect(normalizeEmail('LENA@XN--BCHER-KVA.example')).toBe('lena@xn--bcher-kva.example');
    expect(normalizeEmail('Lena@BÜCHER.EXAMPLE')).toBe('lena@xn--bcher-kva.example');
    // A username's key has no "@" (usernames refuse it and its look-alikes), an email's always has.
    expect(usernameKey('dana')).not.toContain('@');
    // A legacy username spelling an address is keyed as that address.
    expect(usernameKey('dana＠example.test')).toBe(normalizeEmail('dana@example.test'));
  });
});

describe('look-alike identities and email forms over the API', () => {
  let t: TestApp;
  let call: ReturnType<typeof withApiKey>;
  let member: () => ReturnType<typeof buildUser>;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildAdmin(t);
    member = () => buildUser(t, { organization: admin.organization });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const generated = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    call = withApiKey(t.app, generated.json().data.attributes.key);
  });
  afterAll(async () => {
    await t?.close();
  });

  const suffix = () => Math.random().toString(36).slice(2, 8);
  const createUser = (attributes: Record<string, unknown>) =>
    call({
      method: 'POST',
      url: '/api/users',
      payload: {
        data: {
          type: 'users',
          attributes: {
            username: `u_${suffix()}`,
            email: `u_${suffix()}@example.com`,
            firstName: 'Dana',
            lastName: 'Scully',
            password: 'an initial secret phrase',
            ...attributes,
          },
        },
      },
    });
  const patchUser = (id: string, attributes: Record<string, unknown>) =>
    call({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { data: { type: 'users', id, attributes } },
    });

  it('refuses a username that looks like another one (409 username_taken), on create and on change', async () => {
    const dana = await createUser({ username: 'dana' });
    expect(dana.statusCode).toBe(201);
    expect((await createUser({ username: 'coco' })).statusCode).toBe(201);
    const other = await member();
    for (const lookAlike of [
      'dana\u200b',
      '\u2060DANA',
      'ｄａｎａ',
      'Dana\u00ad',
      'сосо' /* all Cyrillic */,
    ]) {
      const created = await createUser({ username: lookAlike });
      expect(created.statusCode, JSON.stringify(lookAlike)).toBe(409);
      expect(created.json().errors[0]).toMatchObject({
        code: 'username_taken',
        source: { pointer: '/data/attributes/username' },
      });
      const changed = await patchUser(other.id, { username: lookAlike });
      expect(changed.statusCode, JSON.stringify(lookAlike)).toBe(409);
      expect(changed.json().errors[0].code).toBe('username_taken');
    }
    // Dana herself may change the form of her own name.
    expect((await patchUser(dana.json().data.id, { username: 'Dana' })).statusCode).toBe(200);
  });

  it('refuses usernames that read as an email, reorder text, mix scripts or show nothing (422 with a code)', async () => {
    const other = await member();
    for (const [username, code] of [
      ['dana＠example.test', 'username_at_sign'],
      ['dana﹫example.test', 'username_at_sign'],
      ['dana\u202etset', 'username_bidi_control'],
      ['pаypal_x', 'username_mixed_script'],
      ['\u200b\u200b\u3164', 'not_visible'],
    ]) {
      for (const response of [await createUser({ username }), await patchUser(other.id, { username })]) {
        expect(response.statusCode, username).toBe(422);
        expect(response.json().errors[0]).toMatchObject({
          code,
          source: { pointer: '/data/attributes/username' },
        });
      }
    }
    expect((await createUser({ username: `田中_${suffix()}` })).statusCode).toBe(201);
  });

  it('refuses required names with no visible character (422 not_visible), everywhere they are set', async () => {
    const other = await member();
    for (const invisible of ['\u200b', '\u3164', '\u2800', '\u200b\u200d']) {
      const created = await createUser({ firstName: invisible });
      expect(created.statusCode).toBe(422);
      expect(created.json().errors[0]).toMatchObject({
        code: 'not_visible',
        source: { pointer: '/data/attributes/firstName' },
      });
      const changed = await patchUser(other.id, { lastName: invisible });
      expect(changed.statusCode).toBe(422);
      expect(changed.json().errors[0]).toMatchObject({
        code: 'not_visible',
        source: { pointer: '/data/attributes/lastName' },
      });
      const organization = await call({
        method: 'POST',
        url: '/api/organizations',
        payload: { data: { type: 'organizations', attributes: { name: invisible } } },
      });
      expect(organization.statusCode).toBe(422);
      expect(organization.json().errors[0]).toMatchObject({
        code: 'not_visible',
        source: { pointer: '/data/attributes/name' },
      });
      const field = await call({
        method: 'POST',
        url: '/api/custom-fields',
        payload: {
          data: {
            type: 'custom-fields',
            attributes: { name: `f_${suffix()}`, label: invisible, fieldType: 'text' },
          },
        },
      });
      expect(field.statusCode).toBe(422);
      expect(field.json().errors[0]).toMatchObject({
        code: 'not_visible',
        source: { pointer: '/data/attributes/label' },
      });
    }
  });

  it('treats an address and its IDNA form as one: uniqueness, sign-in and password reset', async () => {
    const local = `lena${suffix()}`;
    const lena = await createUser({
      username: local,
      email: `${local}@bücher.example`,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
    expect(lena.statusCode).toBe(201);
    // What she typed is what is shown; the key is the ASCII form.
    expect(lena.json().data.attributes.email).toBe(`${local}@bücher.example`);
    const stored = await t.deps.db
      .selectFrom('users')
      .select(['email', 'emailNormalized'])
      .where('id', '=', lena.json().data.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      email: `${local}@bücher.example`,
      emailNormalized: `${local}@xn--bcher-kva.example`,
    });

    const omar = await member();
    const additional = await patchUser(omar.id, { additionalEmails: [`${local}@xn--bcher-kva.example`] });
    expect(additional.statusCode).toBe(409);
    expect(additional.json().errors[0]).toMatchObject({
      code: 'email_taken',
      source: { pointer: '/data/attributes/additionalEmails/0' },
    });
    const primary = await patchUser(omar.id, { email: `${local.toUpperCase()}@XN--BCHER-KVA.EXAMPLE` });
    expect(primary.statusCode).toBe(409);
    expect(primary.json().errors[0]).toMatchObject({
      code: 'email_taken',
      source: { pointer: '/data/attributes/email' },
    });
    const created = await createUser({ email: `${local}@BÜCHER.example` });
    expect(created.statusCode).toBe(409);
    expect(created.json().errors[0].code).toBe('email_taken');

    // An additional address in one form blocks the other form too.
    const omarsOwn = `omar${suffix()}`;
    expect(
      (await patchUser(omar.id, { additionalEmails: [`${omarsOwn}@xn--mnchen-3ya.example`] })).statusCode,
    ).toBe(200);
    const clash = await createUser({ email: `${omarsOwn}@münchen.example` });
    expect(clash.statusCode).toBe(409);

    for (const login of [`${local}@xn--bcher-kva.example`, `${local.toUpperCase()}@BÜCHER.example`]) {
      await signIn(t.app, login, TEST_PASSWORD);
      const reset = await t.app.inject({
        method: 'POST',
        url: '/api/password-reset-requests',
        headers: { 'content-type': JSONAPI },
        payload: { data: { type: 'password-reset-requests', attributes: { login } } },
      });
      expect(reset.statusCode).toBe(202);
      t.clock.advance(61_000); // past the one-email-a-minute budget of the account
    }
    const mails = await t.deps.db
      .selectFrom('mailOutbox')
      .select('template')
      .where('toAddress', '=', `${local}@bücher.example`)
      .where('template', '=', 'password-reset')
      .execute();
    expect(mails).toHaveLength(2);
  });
});
