import type { Kysely } from 'kysely';
import {
  defaultSettings,
  isSettingKey,
  type ResolvedSettings,
  type SettingKey,
  type SettingScope,
  type SettingValue,
  settingDefinitions,
} from '../../common/settings';
import type { Clock } from './clock';
import { preparedQuery, rememberWhileUnchanged } from './db/prepared';
import type { DB } from './db/schema';
import { invalidField } from './http/errors';
import { newId } from './ids';

export type SettingsTarget = { organizationId?: string | undefined; userId?: string | undefined };

export function scopeIdOf(scope: SettingScope, target: SettingsTarget): string {
  if (scope === 'system') return '';
  if (!target.organizationId) throw new Error(`scope ${scope} needs an organization`);
  if (scope === 'organization') return target.organizationId;
  if (!target.userId) throw new Error('user scope needs a user');
  return `${target.organizationId}/${target.userId}`;
}

/** The three shapes of settings lookup, compiled once each: authentication reads them on every request. */
const systemSettingsQuery = preparedQuery([], (db) =>
  db
    .selectFrom('settingsValues')
    .select(['scope', 'key', 'value'])
    .where('scope', '=', 'system')
    .where('scopeId', '=', ''),
);
const organizationSettingsQuery = preparedQuery(['organizationId'], (db, p) =>
  db
    .selectFrom('settingsValues')
    .select(['scope', 'key', 'value'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'system'), eb('scopeId', '=', '')]),
        eb.and([eb('scope', '=', 'organization'), eb('scopeId', '=', p.organizationId)]),
      ]),
    ),
);
const userSettingsQuery = preparedQuery(['organizationId', 'userScopeId'], (db, p) =>
  db
    .selectFrom('settingsValues')
    .select(['scope', 'key', 'value'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'system'), eb('scopeId', '=', '')]),
        eb.and([eb('scope', '=', 'organization'), eb('scopeId', '=', p.organizationId)]),
        eb.and([eb('scope', '=', 'user'), eb('scopeId', '=', p.userScopeId)]),
      ]),
    ),
);

const precedence: Record<SettingScope, number> = { system: 0, organization: 1, user: 2 };

export type StoredSetting = { scope: SettingScope; key: string; value: string };

/** Every stored value on the path system → organization → user of the target, in one query. */
export async function listStoredSettings(db: Kysely<DB>, target: SettingsTarget): Promise<StoredSetting[]> {
  const { rows } = target.organizationId
    ? target.userId
      ? await userSettingsQuery(db, {
          organizationId: target.organizationId,
          userScopeId: scopeIdOf('user', target),
        })
      : await organizationSettingsQuery(db, { organizationId: target.organizationId })
    : await systemSettingsQuery(db, {});
  return rows;
}

/**
 * Every setting in force for a user in an organization (or an organization, or the system) in one
 * query: the nearest scope that sets a key wins, else the registry's default. Every session
 * request reads them: the result is frozen and kept until the database changes (DESIGN §5, "one
 * cached lookup per request").
 */
export function resolveSettings(db: Kysely<DB>, target: SettingsTarget): Promise<ResolvedSettings> {
  return rememberWhileUnchanged(
    db,
    `settings ${target.organizationId ?? ''} ${target.userId ?? ''}`,
    async () => Object.freeze(await readSettings(db, target)),
  );
}

async function readSettings(db: Kysely<DB>, target: SettingsTarget): Promise<ResolvedSettings> {
  const resolved = defaultSettings() as Record<string, unknown>;
  const rows = await listStoredSettings(db, target);
  rows.sort((a, b) => precedence[a.scope] - precedence[b.scope]);
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    const parsed = settingDefinitions[row.key].schema.safeParse(JSON.parse(row.value));
    if (parsed.success) resolved[row.key] = parsed.data;
  }
  return resolved as ResolvedSettings;
}

/** Sets (or, with `undefined`, clears back to "use the level above") one value at one scope. */
export async function writeSetting<K extends SettingKey>(
  db: Kysely<DB>,
  clock: Clock,
  scope: SettingScope,
  target: SettingsTarget,
  key: K,
  value: SettingValue<K> | undefined,
): Promise<void> {
  const definition = settingDefinitions[key];
  if (!definition.scopes.includes(scope)) {
    throw invalidField(key, 'setting_scope', `"${key}" cannot be set for the ${scope} scope.`);
  }
  const scopeId = scopeIdOf(scope, target);
  if (value === undefined) {
    await db
      .deleteFrom('settingsValues')
      .where('scope', '=', scope)
      .where('scopeId', '=', scopeId)
      .where('key', '=', key)
      .execute();
    return;
  }
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    throw invalidField(key, 'setting_invalid', parsed.error.issues[0]?.message ?? 'Invalid value.');
  }
  const json = JSON.stringify(parsed.data);
  const updatedAt = clock.now().toISOString();
  await db
    .insertInto('settingsValues')
    .values({ id: newId(), scope, scopeId, key, value: json, updatedAt })
    .onConflict((oc) => oc.columns(['scope', 'scopeId', 'key']).doUpdateSet({ value: json, updatedAt }))
    .execute();
}
