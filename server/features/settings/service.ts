import {
  isSettingKey,
  type SettingKey,
  type SettingScope,
  settingDefinitions,
  settingKeys,
} from '../../../common/settings';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, attributePointer, forbidden, notFound } from '../../platform/http/errors';
import {
  listStoredSettings,
  type SettingsTarget,
  type StoredSetting,
  writeSetting,
} from '../../platform/settings';
import { recordAuditEvent } from '../audit/store';
import { canManageSettings } from './policy';

const levels: SettingScope[] = ['system', 'organization', 'user'];

/** Where a value in force comes from: a level, or the registry's default. */
export type SettingOrigin = SettingScope | 'default';

export type SettingView = {
  key: SettingKey;
  label: string;
  insecure: boolean;
  /** The level the view is for. */
  scope: SettingScope;
  /** The value in force at that level. */
  value: unknown;
  /** null when the value is set at this level; else the level it falls back to. */
  inheritedFrom: SettingOrigin | null;
  /** What applies when this level's value is removed ("Use Organization" / "Use System"). */
  parentValue: unknown;
  parentOrigin: SettingOrigin;
  /** Whether the key may be set at this level at all. */
  settable: boolean;
};

function targetOf(actor: Actor, scope: SettingScope): SettingsTarget {
  if (scope === 'system') return {};
  if (scope === 'organization') return { organizationId: actor.organizationId };
  return { organizationId: actor.organizationId, userId: actor.userId };
}

function buildView(key: SettingKey, scope: SettingScope, rows: StoredSetting[]): SettingView {
  const definition = settingDefinitions[key];
  const depth = levels.indexOf(scope);
  let value: unknown = definition.default;
  let origin: SettingOrigin = 'default';
  let parentValue: unknown = definition.default;
  let parentOrigin: SettingOrigin = 'default';
  for (const level of levels.slice(0, depth + 1)) {
    const row = rows.find((r) => r.scope === level && r.key === key);
    if (!row) continue;
    const parsed = definition.schema.safeParse(JSON.parse(row.value));
    if (!parsed.success) continue;
    if (level !== scope) {
      parentValue = parsed.data;
      parentOrigin = level;
    }
    value = parsed.data;
    origin = level;
  }
  return {
    key,
    label: definition.label,
    insecure: 'insecure' in definition && definition.insecure === true,
    scope,
    value,
    inheritedFrom: origin === scope ? null : origin,
    parentValue,
    parentOrigin,
    settable: (definition.scopes as readonly SettingScope[]).includes(scope),
  };
}

/** Every setting in force at a level for the actor, with where each value comes from. */
export async function listSettings(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  scope: SettingScope,
): Promise<SettingView[]> {
  if (!canManageSettings(actor, scope)) throw forbidden();
  const rows = await listStoredSettings(deps.db, targetOf(actor, scope));
  return settingKeys.map((key) => buildView(key, scope, rows));
}

/**
 * Sets one value at one level, or with `null` removes it so the level above applies again. The
 * registry validates the value (422 on `value`) and the level (422 on `scope`). Audited in the
 * same transaction.
 */
export async function updateSetting(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { key: string; scope: SettingScope; value: unknown },
  context: { ip: string },
): Promise<SettingView> {
  if (!isSettingKey(input.key)) throw notFound('setting');
  const key = input.key;
  if (!canManageSettings(actor, input.scope)) throw forbidden();
  const definition = settingDefinitions[key];
  if (!(definition.scopes as readonly SettingScope[]).includes(input.scope)) {
    throw new AppError(
      'validation',
      'setting_scope',
      `"${definition.label}" cannot be set for the ${input.scope} level.`,
      {
        source: attributePointer('scope'),
      },
    );
  }
  let value: unknown;
  if (input.value !== null) {
    const parsed = definition.schema.safeParse(input.value);
    if (!parsed.success) {
      throw new AppError(
        'validation',
        'setting_invalid',
        `${definition.label}: ${parsed.error.issues[0]?.message ?? 'invalid value'}.`,
        {
          source: attributePointer('value'),
        },
      );
    }
    value = parsed.data;
  }
  const target = targetOf(actor, input.scope);
  const before = buildView(key, input.scope, await listStoredSettings(deps.db, target));
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, deps.clock, input.scope, target, key, value as never);
    await recordAuditEvent(trx, deps.clock, {
      action: 'settings.changed',
      organizationId: input.scope === 'system' ? null : actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: input.scope === 'user' ? actor.userId : null,
      ip: context.ip,
      details: {
        key,
        scope: input.scope,
        from: before.inheritedFrom === null ? before.value : null,
        to: value ?? null,
      },
    });
  });
  return buildView(key, input.scope, await listStoredSettings(deps.db, target));
}
