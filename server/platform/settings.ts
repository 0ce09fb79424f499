import type { Kysely } from 'kysely';
import { errorMeta } from '../../common/error-particulars';
import { settingValueProblem } from '../../common/setting-rules';
import {
  isSettingKey,
  type ResolvedSettings,
  type SettingKey,
  type SettingScope,
  type SettingValue,
  settingDefinitions,
  settingKeys,
} from '../../common/settings';
import type { Clock } from './clock';
import { notifyCachedChange } from './db/postgres-cache';
import { preparedQuery, rememberUntilNotified } from './db/prepared';
import type { DB } from './db/schema';
import { invalidField } from './http/errors';
import { safeParseWithOwnWords } from './http/issue-words';
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

const levels: readonly SettingScope[] = ['system', 'organization', 'user'];

export type StoredSetting = { scope: SettingScope; key: string; value: string };

/** Where a value in force comes from: a level, or the registry's default. */
export type SettingOrigin = SettingScope | 'default';

/** One key at one level: the value in force, where it comes from, and what the level above gives. */
export type ResolvedSetting = {
  value: unknown;
  origin: SettingOrigin;
  /** What applies when this level's value is removed ("Use Organization" / "Use System"). */
  parentValue: unknown;
  parentOrigin: SettingOrigin;
  /**
   * Whether this level may set the key: the registry lists the level, and for a user the
   * organization neither locks the key (`configuration.locked_keys`) nor turns off the key it
   * `requires`.
   */
  settable: boolean;
};

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

function storedValue(
  rows: StoredSetting[],
  level: SettingScope,
  key: SettingKey,
): { value: unknown } | undefined {
  const row = rows.find((r) => r.scope === level && r.key === key);
  if (!row) return undefined;
  // A value the registry no longer accepts (a narrowed range) is skipped, as if not set.
  const parsed = settingDefinitions[key].schema.safeParse(JSON.parse(row.value));
  return parsed.success ? { value: parsed.data } : undefined;
}

/**
 * Resolves every key at one level from the stored rows of its path (`listStoredSettings`): the
 * nearest level that sets a key wins, else the registry's default. At the user level a key the
 * organization (or the system) locks keeps the value above, and a key whose `requires` switch is
 * off above is off — the user's stored value is ignored, not deleted, so it returns when the
 * organization allows it again.
 */
export function resolveStoredSettings(
  rows: StoredSetting[],
  scope: SettingScope,
): Record<SettingKey, ResolvedSetting> {
  const depth = levels.indexOf(scope);
  const above = {} as Record<SettingKey, { value: unknown; origin: SettingOrigin }>;
  for (const key of settingKeys) {
    let entry: { value: unknown; origin: SettingOrigin } = {
      value: settingDefinitions[key].default,
      origin: 'default',
    };
    for (const level of levels.slice(0, depth)) {
      const stored = storedValue(rows, level, key);
      if (stored) entry = { value: stored.value, origin: level };
    }
    above[key] = entry;
  }
  const locked = new Set(scope === 'user' ? (above['configuration.locked_keys'].value as string[]) : []);
  const result = {} as Record<SettingKey, ResolvedSetting>;
  for (const key of settingKeys) {
    const definition: { scopes: readonly SettingScope[]; requires?: string } = settingDefinitions[key];
    const parent = above[key];
    const requirement =
      scope === 'user' && definition.requires && isSettingKey(definition.requires)
        ? above[definition.requires]
        : undefined;
    const switchedOff = requirement !== undefined && requirement.value !== true;
    const settable = definition.scopes.includes(scope) && !locked.has(key) && !switchedOff;
    if (switchedOff) {
      result[key] = {
        value: false,
        origin: requirement.origin,
        parentValue: false,
        parentOrigin: requirement.origin,
        settable,
      };
      continue;
    }
    const own = settable ? storedValue(rows, scope, key) : undefined;
    result[key] = {
      value: own ? own.value : parent.value,
      origin: own ? scope : parent.origin,
      parentValue: parent.value,
      parentOrigin: parent.origin,
      settable,
    };
  }
  return result;
}

/** The level a target stands for: a user in an organization, an organization, or the system. */
export function scopeOfTarget(target: SettingsTarget): SettingScope {
  return target.organizationId ? (target.userId ? 'user' : 'organization') : 'system';
}

/**
 * Every setting in force for a user in an organization (or an organization, or the system) in one
 * query: the nearest scope that sets a key wins, else the registry's default. Every session
 * request reads them: the result is frozen and kept until the database changes (SQLite) or a
 * change is notified (PostgreSQL) — DESIGN §5, "one cached lookup per request".
 */
export function resolveSettings(db: Kysely<DB>, target: SettingsTarget): Promise<ResolvedSettings> {
  return rememberUntilNotified(
    db,
    `settings ${target.organizationId ?? ''} ${target.userId ?? ''}`,
    async () => Object.freeze(await readSettings(db, target)),
  );
}

async function readSettings(db: Kysely<DB>, target: SettingsTarget): Promise<ResolvedSettings> {
  const resolved = resolveStoredSettings(await listStoredSettings(db, target), scopeOfTarget(target));
  return Object.fromEntries(settingKeys.map((key) => [key, resolved[key].value])) as ResolvedSettings;
}

/**
 * Sets (or, with `undefined`, clears back to "use the level above") one value at one scope, and
 * notifies every process's settings cache (on commit, when `db` is a transaction).
 */
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
    throw invalidField(
      key,
      'setting_scope',
      `"${key}" cannot be set for the ${scope} scope.`,
      errorMeta('setting_scope', { key, scope }),
    );
  }
  const scopeId = scopeIdOf(scope, target);
  if (value === undefined) {
    await notifyCachedChange(db);
    await db
      .deleteFrom('settingsValues')
      .where('scope', '=', scope)
      .where('scopeId', '=', scopeId)
      .where('key', '=', key)
      .execute();
    return;
  }
  const parsed = safeParseWithOwnWords(definition.schema, value);
  const issue = parsed.error?.issues[0];
  if (issue) {
    const { detail, meta } = settingValueProblem(key, issue);
    throw invalidField(key, 'setting_invalid', detail, meta);
  }
  const json = JSON.stringify(parsed.data);
  const updatedAt = clock.now().toISOString();
  await notifyCachedChange(db);
  await db
    .insertInto('settingsValues')
    .values({ id: newId(), scope, scopeId, key, value: json, updatedAt })
    .onConflict((oc) => oc.columns(['scope', 'scopeId', 'key']).doUpdateSet({ value: json, updatedAt }))
    .execute();
}
