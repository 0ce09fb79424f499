import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../common/login-keys';
import { createTestApp, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import { buildAdmin, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { usernameKey } from './identities';

/**
 * Uniqueness rules that span tables, and every other "only one may have this name", raced: two
 * requests at once (Promise.all against the real app; on PostgreSQL each runs on its own pooled
 * connection, on SQLite one after the other) over many trials. Exactly one wins, the other
 * answers 409, and the database holds one owner.
 */
const TRIALS = 200;
const MORE_TRIALS = 100;
const SMALL_TRIALS = 50;

describe('uniqueness under concurrent requests', () => {
  let t: TestApp;
  let call: ReturnType<typeof withApiKey>;
  let member: () => ReturnType<typeof buildUser>;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', API_KEY_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const admin = await buildAdmin(t);
    member = () => buildUser(t, { organization: admin.organization });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const generated = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    call = withApiKey(t.app, generated.json().data.attributes.key);
  });
  afterAll(async () => {
    await t?.close();
  });

  const patchUser = (id: string, attributes: Record<string, unknown>) =>
    call({ method: 'PATCH', url: `/api/users/${id}`, payload: { data: { type: 'users', id, attributes } } });

  /** One 2xx and one 409 (with the code), in either order. */
  function expectOneWinner(responses: LightMyRequestResponse[], code: string, trial: number): number {
    const statuses = responses.map((response) => response.statusCode);
    const winner = statuses.findIndex((status) => status < 300);
    const loser = statuses.indexOf(409);
    expect(
      winner >= 0 && loser >= 0,
      `trial ${trial}: ${responses.map((r) => `${r.statusCode} ${r.body}`)}`,
    ).toBe(true);
    expect(responses[loser]?.json().errors[0].code).toBe(code);
    return winner;
  }

  async function identityOwners(key: string): Promise<string[]> {
    const rows = await t.deps.db.selectFrom('identities').select('userId').where('key', '=', key).execute();
    return rows.map((row) => row.userId);
  }

  it(`a primary email against another user's additional email: one owner, ${TRIALS} trials`, {
    timeout: 240_000,
  }, async () => {
    const [lena, omar] = [await member(), await member()];
    for (let trial = 0; trial < TRIALS; trial++) {
      const shared = `shared.${trial}@example.test`;
      const responses = await Promise.all([
        patchUser(lena.id, { email: shared }),
        patchUser(omar.id, { additionalEmails: [shared] }),
      ]);
      const winner = expectOneWinner(responses, 'email_taken', trial);
      expect(await identityOwners(normalizeEmail(shared))).toEqual([winner === 0 ? lena.id : omar.id]);
      const [primaries, additional] = await Promise.all([
        t.deps.db
          .selectFrom('users')
          .select('id')
          .where('emailNormalized', '=', normalizeEmail(shared))
          .execute(),
        t.deps.db
          .selectFrom('userEmails')
          .select('id')
          .where('emailNormalized', '=', normalizeEmail(shared))
          .execute(),
      ]);
      expect(primaries.length + additional.length, `trial ${trial}`).toBe(1);
    }
  });

  it(`an address in two forms (IDNA) added by two users at once: one owner, ${MORE_TRIALS} trials`, {
    timeout: 240_000,
  }, async () => {
    const [lena, omar] = [await member(), await member()];
    for (let trial = 0; trial < MORE_TRIALS; trial++) {
      const responses = await Promise.all([
        patchUser(lena.id, { additionalEmails: [`lena.${trial}@bücher.example`] }),
        patchUser(omar.id, { additionalEmails: [`LENA.${trial}@xn--bcher-kva.example`] }),
      ]);
      const winner = expectOneWinner(responses, 'email_taken', trial);
      expect(await identityOwners(`lena.${trial}@xn--bcher-kva.example`)).toEqual([
        winner === 0 ? lena.id : omar.id,
      ]);
    }
  });

  it(`two look-alike usernames set at once: one wins, ${MORE_TRIALS} trials`, {
    timeout: 240_000,
  }, async () => {
    const [dana, other] = [await member(), await member()];
    for (let trial = 0; trial < MORE_TRIALS; trial++) {
      const name = `racer_${trial}`;
      const responses = await Promise.all([
        patchUser(dana.id, { username: name }),
        patchUser(other.id, { username: `${name.toUpperCase()}\u200b` }),
      ]);
      const winner = expectOneWinner(responses, 'username_taken', trial);
      expect(await identityOwners(usernameKey(name))).toEqual([winner === 0 ? dana.id : other.id]);
    }
  });

  it(`two organizations with one name created at once: one wins, ${SMALL_TRIALS} trials`, {
    timeout: 240_000,
  }, async () => {
    for (let trial = 0; trial < SMALL_TRIALS; trial++) {
      const create = (name: string) =>
        call({
          method: 'POST',
          url: '/api/organizations',
          payload: { data: { type: 'organizations', attributes: { name } } },
        });
      const responses = await Promise.all([create(`Race Org ${trial}`), create(`race org ${trial}`)]);
      expectOneWinner(responses, 'organization_name_taken', trial);
      const rows = await t.deps.db
        .selectFrom('organizations')
        .select('id')
        .where('nameNormalized', '=', `race org ${trial}`)
        .execute();
      expect(rows).toHaveLength(1);
    }
  });

  it(`two custom fields with one name created at once: one wins, ${SMALL_TRIALS} trials`, {
    timeout: 240_000,
  }, async () => {
    for (let trial = 0; trial < SMALL_TRIALS; trial++) {
      const create = (label: string) =>
        call({
          method: 'POST',
          url: '/api/custom-fields',
          payload: {
            data: { type: 'custom-fields', attributes: { name: `race_${trial}`, label, fieldType: 'text' } },
          },
        });
      const responses = await Promise.all([create('First'), create('Second')]);
      expectOneWinner(responses, 'custom_field_name_taken', trial);
    }
  });
});
