import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  buildAdmin,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { revokeFromRole } from '../../../tests/helpers/uploads';

const templateBody = (attributes: Record<string, unknown>, id?: string) => ({
  data: { type: 'emailtemplates', ...(id ? { id } : {}), attributes },
});

const welcome = {
  name: 'Welcome',
  subject: 'Welcome, {{ recipient.firstName }}',
  body: {
    type: 'html',
    content: '<p>Hello {{ recipient.fullName }},</p><p>{{ sender.firstName }} of {{ organization.name }}</p>',
  },
};

describe('email templates', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let admin: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t, 'Acme & Sons');
    const user = await buildUser(t, {
      organization,
      roles: ['Administrator'],
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    admin = await signIn(t.app, user.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (attributes: Record<string, unknown>, browser = admin) =>
    browser.request({ method: 'POST', url: '/api/email-templates', payload: templateBody(attributes) });

  it('requires authentication on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/email-templates'],
      ['POST', '/api/email-templates'],
      ['GET', '/api/email-templates/0194f1c2-0000-7000-8000-000000000000'],
      ['GET', '/api/email-templates/0194f1c2-0000-7000-8000-000000000000/render'],
      ['PATCH', '/api/email-templates/0194f1c2-0000-7000-8000-000000000000'],
      ['DELETE', '/api/email-templates/0194f1c2-0000-7000-8000-000000000000'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lets administrators manage them and senders read and render them; others are refused', async () => {
    const created = await create(welcome);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id;
    expect(created.headers.location).toBe(`/api/email-templates/${id}`);
    expect(created.json().data.attributes).toMatchObject({ name: 'Welcome', body: welcome.body });

    const { browser: sender } = await signedInUser(t, { organization });
    expect((await create({ ...welcome, name: 'Nope' }, sender)).statusCode).toBe(403);
    expect(
      (
        await sender.request({
          method: 'PATCH',
          url: `/api/email-templates/${id}`,
          payload: templateBody({ name: 'X' }, id),
        })
      ).statusCode,
    ).toBe(403);
    expect((await sender.request({ method: 'DELETE', url: `/api/email-templates/${id}` })).statusCode).toBe(
      403,
    );
    const listed = await sender.request({ method: 'GET', url: '/api/email-templates' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await sender.request({ method: 'GET', url: `/api/email-templates/${id}` })).statusCode).toBe(200);

    // Without emails.send, templates are not theirs to read either.
    const other = await buildOrganization(t);
    await revokeFromRole(t, other, 'User', ['emails.send']);
    const { browser: reader } = await signedInUser(t, { organization: other });
    expect((await reader.request({ method: 'GET', url: '/api/email-templates' })).statusCode).toBe(403);
  });

  it('fills the variables for a user or a typed address, leaving unknown values written out', async () => {
    const id = (await create({ ...welcome, name: 'Render me' })).json().data.id;
    const recipient = await buildUser(t, { organization, firstName: 'Ada', lastName: 'Lovelace' });
    const forUser = await admin.request({
      method: 'GET',
      url: `/api/email-templates/${id}/render?recipient=${recipient.id}`,
    });
    expect(forUser.statusCode, forUser.body).toBe(200);
    expect(forUser.json().meta).toEqual({
      subject: 'Welcome, Ada',
      body: { type: 'html', content: '<p>Hello Ada Lovelace,</p><p>Grace of Acme &amp; Sons</p>' },
      unfilled: [],
    });
    const forAddress = await admin.request({
      method: 'GET',
      url: `/api/email-templates/${id}/render?recipient=${encodeURIComponent('someone@example.org')}`,
    });
    expect(forAddress.json().meta).toMatchObject({
      subject: 'Welcome, {{ recipient.firstName }}',
      unfilled: ['recipient.firstName', 'recipient.fullName'],
    });
    const bad = await admin.request({
      method: 'GET',
      url: `/api/email-templates/${id}/render?recipient=nobody`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].source).toEqual({ parameter: 'recipient' });
    const stranger = await buildAdmin(t);
    const notMember = await admin.request({
      method: 'GET',
      url: `/api/email-templates/${id}/render?recipient=${stranger.id}`,
    });
    expect(notMember.statusCode).toBe(404);
  });

  it('refuses unknown variables, bad syntax, line breaks and duplicate names with a pointer', async () => {
    const unknown = await create({ ...welcome, name: 'Typo', subject: 'Hi {{ recipient.fristName }}' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({
      code: 'template_variable_unknown',
      source: { pointer: '/data/attributes/subject' },
    });
    const syntax = await create({
      ...welcome,
      name: 'Syntax',
      body: { type: 'text', content: 'Hi {% if %}' },
    });
    expect(syntax.statusCode).toBe(422);
    expect(syntax.json().errors[0]).toMatchObject({
      code: 'template_syntax',
      source: { pointer: '/data/attributes/body/content' },
    });
    const include = await create({
      ...welcome,
      name: 'Include',
      body: { type: 'text', content: '{% include "/etc/passwd" %}' },
    });
    expect(include.statusCode).toBe(422);
    const injection = await create({ ...welcome, name: 'Inject', subject: 'Hi\r\nBcc: all@example.org' });
    expect(injection.statusCode).toBe(422);
    expect(injection.json().errors[0].source).toEqual({ pointer: '/data/attributes/subject' });
    const noType = await create({ ...welcome, name: 'Bad type', body: { type: 'rtf', content: 'x' } });
    expect(noType.statusCode).toBe(422);
    const extra = await create({ ...welcome, name: 'Extra', organizationId: organization.id });
    expect(extra.statusCode).toBe(400);
    await create({ ...welcome, name: 'Twice' });
    const twice = await create({ ...welcome, name: 'Twice' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].source).toEqual({ pointer: '/data/attributes/name' });
  });

  it('changes and deletes a template; another organization’s answers 404', async () => {
    const id = (await create({ ...welcome, name: 'Change me' })).json().data.id;
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/email-templates/${id}`,
      payload: templateBody({ subject: 'Hello {{ recipient.lastName }}' }, id),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data.attributes).toMatchObject({
      name: 'Change me',
      subject: 'Hello {{ recipient.lastName }}',
    });
    const badChange = await admin.request({
      method: 'PATCH',
      url: `/api/email-templates/${id}`,
      payload: templateBody({ body: { type: 'text', content: '{{ nope }}' } }, id),
    });
    expect(badChange.statusCode).toBe(422);

    const outsider = await buildAdmin(t);
    const foreign = await signIn(t.app, outsider.username, TEST_PASSWORD);
    for (const [method, url] of [
      ['GET', `/api/email-templates/${id}`],
      ['GET', `/api/email-templates/${id}/render`],
      ['DELETE', `/api/email-templates/${id}`],
    ] as const) {
      expect((await foreign.request({ method, url })).statusCode, `${method} ${url}`).toBe(404);
    }
    const foreignPatch = await foreign.request({
      method: 'PATCH',
      url: `/api/email-templates/${id}`,
      payload: templateBody({ name: 'Mine' }, id),
    });
    expect(foreignPatch.statusCode).toBe(404);
    expect((await foreign.request({ method: 'GET', url: '/api/email-templates' })).json().data).toEqual([]);

    expect((await admin.request({ method: 'DELETE', url: `/api/email-templates/${id}` })).statusCode).toBe(
      204,
    );
    expect((await admin.request({ method: 'GET', url: `/api/email-templates/${id}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'DELETE', url: `/api/email-templates/${id}` })).statusCode).toBe(
      404,
    );
  });
});
