import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  buildAdmin,
  buildOrganization,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { CUSTOM_FIELDS_MAX } from './service';
import { insertDefinition } from './store';

const definitionBody = (attributes: Record<string, unknown>) => ({
  data: { type: 'custom-fields', attributes },
});

describe('custom user fields', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let admin: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
    const user = await buildAdmin(t, organization);
    admin = await signIn(t.app, user.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function define(attributes: Record<string, unknown>, browser = admin) {
    return browser.request({
      method: 'POST',
      url: '/api/custom-fields',
      payload: definitionBody(attributes),
    });
  }

  const member = () => signedInUser(t, { organization });

  const setFields = (browser: Browser, customFields: Record<string, unknown>, id = 'me') =>
    browser.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { data: { type: 'users', attributes: { customFields } } },
    });

  it('requires authentication, and custom_fields.manage to change definitions', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/custom-fields' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/custom-fields' })).statusCode).toBe(401);
    const { browser } = await member();
    expect((await browser.request({ method: 'GET', url: '/api/custom-fields' })).statusCode).toBe(200);
    expect((await define({ name: 'nope', label: 'Nope', fieldType: 'text' }, browser)).statusCode).toBe(403);
  });

  it('defines fields of every type, lists them in order, and keeps organizations apart', async () => {
    const created = await define({
      name: 'shirt_size',
      label: 'Shirt size',
      fieldType: 'choice',
      choices: ['S', 'M', 'L'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`/api/custom-fields/${created.json().data.id}`);
    expect(created.json().data.attributes).toMatchObject({
      name: 'shirt_size',
      fieldType: 'choice',
      required: false,
      choices: ['S', 'M', 'L'],
      position: 0,
    });
    for (const [name, fieldType] of [
      ['nickname', 'text'],
      ['bio', 'longtext'],
      ['desk_number', 'number'],
      ['hired_on', 'date'],
      ['remote', 'boolean'],
    ] as const) {
      expect((await define({ name, label: name, fieldType })).statusCode).toBe(201);
    }
    const list = await admin.request({ method: 'GET', url: '/api/custom-fields' });
    expect(list.json().data.map((d: { attributes: { name: string } }) => d.attributes.name)).toEqual([
      'shirt_size',
      'nickname',
      'bio',
      'desk_number',
      'hired_on',
      'remote',
    ]);
    // Another organization sees none of them and cannot touch them.
    const otherAdmin = await buildAdmin(t);
    const other = await signIn(t.app, otherAdmin.username, TEST_PASSWORD);
    expect((await other.request({ method: 'GET', url: '/api/custom-fields' })).json().data).toEqual([]);
    const id = created.json().data.id;
    expect((await other.request({ method: 'GET', url: `/api/custom-fields/${id}` })).statusCode).toBe(404);
    const foreignPatch = await other.request({
      method: 'PATCH',
      url: `/api/custom-fields/${id}`,
      payload: definitionBody({ label: 'Hijacked' }),
    });
    expect(foreignPatch.statusCode).toBe(404);
    expect((await other.request({ method: 'DELETE', url: `/api/custom-fields/${id}` })).statusCode).toBe(404);
    // The same name is fine in another organization.
    expect((await define({ name: 'shirt_size', label: 'Size', fieldType: 'text' }, other)).statusCode).toBe(
      201,
    );
  });

  it('refuses invalid definitions (422/400 with pointers) and duplicate names (409)', async () => {
    for (const [attributes, status, pointer] of [
      [{ name: 'Bad Name', label: 'x', fieldType: 'text' }, 422, '/data/attributes/name'],
      [{ name: 'ok_name', label: '', fieldType: 'text' }, 422, '/data/attributes/label'],
      [{ name: 'ok_name', label: 'x', fieldType: 'colour' }, 422, '/data/attributes/fieldType'],
      // `type` is JSON:API's resource type: the old attribute name is an unknown member now.
      [{ name: 'ok_name', label: 'x', fieldType: 'text', type: 'text' }, 400, '/data/attributes/type'],
      [{ name: 'ok_name', label: 'x', fieldType: 'choice' }, 422, '/data/attributes/choices'],
      [
        { name: 'ok_name', label: 'x', fieldType: 'choice', choices: ['a', 'a'] },
        422,
        '/data/attributes/choices/1',
      ],
      [{ name: 'ok_name', label: 'x', fieldType: 'text', choices: ['a'] }, 422, '/data/attributes/choices'],
      [{ name: 'ok_name', label: 'x', fieldType: 'text', required: 'yes' }, 400, '/data/attributes/required'],
      [{ name: 'ok_name', label: 'x', fieldType: 'text', extra: 1 }, 400, '/data/attributes/extra'],
    ] as const) {
      const response = await define(attributes);
      expect(response.statusCode, JSON.stringify(attributes)).toBe(status);
      expect(response.json().errors[0].source.pointer).toBe(pointer);
    }
    await define({ name: 'unique_one', label: 'Unique', fieldType: 'text' });
    const duplicate = await define({ name: 'unique_one', label: 'Again', fieldType: 'text' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].source.pointer).toBe('/data/attributes/name');
  });

  it(`keeps an organization to ${CUSTOM_FIELDS_MAX} custom fields (422), so its list stays bounded`, async () => {
    const crowded = await buildOrganization(t);
    const crowdedAdmin = await signIn(t.app, (await buildAdmin(t, crowded)).username, TEST_PASSWORD);
    const now = t.clock.now().toISOString();
    for (let position = 0; position < CUSTOM_FIELDS_MAX; position++) {
      await insertDefinition(
        t.deps.db,
        crowded.id,
        {
          name: `field_${position}`,
          label: `Field ${position}`,
          type: 'text',
          isRequired: false,
          choices: null,
          position,
        },
        now,
      );
    }
    const refused = await define({ name: 'one_more', label: 'One more', fieldType: 'text' }, crowdedAdmin);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].code).toBe('custom_field_limit');
    const list = await crowdedAdmin.request({ method: 'GET', url: '/api/custom-fields' });
    expect(list.json().data).toHaveLength(CUSTOM_FIELDS_MAX);
  });

  it('validates values by their definitions and round-trips them', async () => {
    const { user, browser } = await member();
    const values = {
      shirt_size: 'M',
      nickname: 'Zoë 👩🏽‍💻',
      bio: 'Line one\nLine two',
      desk_number: 42.5,
      hired_on: '2020-02-29',
      remote: false,
    };
    const response = await setFields(browser, values);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.attributes.customFields).toEqual(values);
    const rows = await t.deps.db
      .selectFrom('customFieldValues')
      .select('value')
      .where('userId', '=', user.id)
      .execute();
    expect(rows).toHaveLength(6);

    for (const [name, value] of [
      ['shirt_size', 'XXL'],
      ['shirt_size', 'm'],
      ['nickname', 'x'.repeat(256)],
      ['nickname', 'two\nlines'],
      ['bio', 'x'.repeat(10_001)],
      ['desk_number', '42'],
      ['hired_on', '2021-02-29'],
      ['hired_on', '29.02.2020'],
      ['remote', 'no'],
      ['remote', 0],
      ['no_such_field', 'x'],
    ] as const) {
      const bad = await setFields(browser, { [name]: value });
      expect(bad.statusCode, `${name}=${JSON.stringify(value)}`).toBe(422);
      expect(bad.json().errors[0].source.pointer).toBe(`/data/attributes/customFields/${name}`);
    }
    const unchanged = await browser.request({ method: 'GET', url: '/api/users/me' });
    expect(unchanged.json().data.attributes.customFields).toEqual(values);

    // null and '' remove a value; fields not sent keep theirs.
    const cleared = await setFields(browser, { nickname: null, bio: '' });
    expect(cleared.json().data.attributes.customFields).toEqual({
      shirt_size: 'M',
      desk_number: 42.5,
      hired_on: '2020-02-29',
      remote: false,
    });
  });

  it('insists on required fields once customFields is sent, and lets unrelated edits through', async () => {
    const { browser } = await member();
    const created = await define({
      name: 'employee_id',
      label: 'Employee ID',
      fieldType: 'text',
      required: true,
    });
    expect(created.statusCode).toBe(201);
    const unrelated = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', attributes: { firstName: 'Still Fine' } } },
    });
    expect(unrelated.statusCode).toBe(200);
    const missing = await setFields(browser, { nickname: 'Nick' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({
      code: 'custom_field_required',
      source: { pointer: '/data/attributes/customFields/employee_id' },
    });
    expect((await setFields(browser, { employee_id: 'E-1', nickname: 'Nick' })).statusCode).toBe(200);
    expect((await setFields(browser, { employee_id: null })).statusCode).toBe(422);
    // Not required any more: it may be cleared.
    const id = created.json().data.id;
    const relaxed = await admin.request({
      method: 'PATCH',
      url: `/api/custom-fields/${id}`,
      payload: definitionBody({ required: false, label: 'Staff number' }),
    });
    expect(relaxed.statusCode, relaxed.body).toBe(200);
    expect(relaxed.json().data.attributes).toMatchObject({
      required: false,
      label: 'Staff number',
      name: 'employee_id',
    });
    expect((await setFields(browser, { employee_id: null })).statusCode).toBe(200);
  });

  it('cannot change a definition’s name or field type, and deleting one deletes its values', async () => {
    const created = await define({ name: 'temporary', label: 'Temporary', fieldType: 'text' });
    const id = created.json().data.id;
    const rename = await admin.request({
      method: 'PATCH',
      url: `/api/custom-fields/${id}`,
      payload: definitionBody({ fieldType: 'number' }),
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().errors[0].source.pointer).toBe('/data/attributes/fieldType');
    const { user, browser } = await member();
    await setFields(browser, { temporary: 'soon gone', employee_id: 'E-2' });
    const deleted = await admin.request({ method: 'DELETE', url: `/api/custom-fields/${id}` });
    expect(deleted.statusCode).toBe(204);
    const values = await t.deps.db
      .selectFrom('customFieldValues')
      .select('fieldId')
      .where('userId', '=', user.id)
      .execute();
    expect(values.map((v) => v.fieldId)).not.toContain(id);
    expect((await admin.request({ method: 'DELETE', url: `/api/custom-fields/${id}` })).statusCode).toBe(404);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('organizationId', '=', organization.id)
      .where('action', 'like', 'custom_field.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['custom_field.created', 'custom_field.updated', 'custom_field.deleted']),
    );
  });
});
