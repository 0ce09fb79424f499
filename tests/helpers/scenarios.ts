import { apiKeyPrefix, generateApiKey } from '../../server/features/api-keys/key-format';
import { newId } from '../../server/platform/ids';
import { sha256 } from '../../server/platform/secrets';
import { type Browser, signIn, type TestApp } from './app';
import { buildUser, TEST_PASSWORD } from './factories';

/**
 * Gives `user` an API key in `organizationId` (default: the user's own organization) straight
 * in the database, as the API would store it, and answers the key in the clear.
 */
export async function giveApiKey(
  t: TestApp,
  user: { id: string; organizationId: string },
  organizationId = user.organizationId,
): Promise<string> {
  const key = generateApiKey();
  await t.deps.db
    .insertInto('apiKeys')
    .values({
      id: newId(),
      userId: user.id,
      organizationId,
      keyHash: sha256(key),
      prefix: apiKeyPrefix(key),
      createdAt: t.clock.now().toISOString(),
      lastUsedAt: null,
      lastUsedIp: null,
    })
    .execute();
  return key;
}

/** `PATCH /api/sessions/current` moving a signed-in browser to another organization. */
export function switchOrganization(browser: Browser, organizationId: string) {
  return browser.request({
    method: 'PATCH',
    url: '/api/sessions/current',
    payload: {
      data: {
        type: 'sessions',
        relationships: { organization: { data: { type: 'organizations', id: organizationId } } },
      },
    },
  });
}

/** A new user (see `buildUser` for the options) and a browser signed in as them. */
export async function signedInUser(t: TestApp, options: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(t, options);
  return { user, browser: await signIn(t.app, user.username, TEST_PASSWORD) };
}
