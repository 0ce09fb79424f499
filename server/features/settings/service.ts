import { errorMeta } from '../../../common/error-particulars';
import { normalizeEmail } from '../../../common/login-keys';
import { settingValueProblem } from '../../../common/setting-rules';
import {
  isSettingKey,
  type SettingKey,
  type SettingScope,
  settingDefinitions,
  settingKeys,
  userSettingKeys,
} from '../../../common/settings';
import { recordAuditEvent } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, attributePointer, forbidden, notFound } from '../../platform/http/errors';
import { safeParseWithOwnWords } from '../../platform/http/issue-words';
import type { RequestContext } from '../../platform/http/request-context';
import {
  listStoredSettings,
  resolveStoredSettings,
  type SettingOrigin,
  type SettingsTarget,
  type StoredSetting,
  writeSetting,
} from '../../platform/settings';
import { sanitizeSignature } from '../../platform/text/rich-text';
import { isOwnEmail } from '../user-emails/store';
import { canManageSettings } from './policy';

/** Where a value in force comes from: a level, or the registry's default. */
export type { SettingOrigin };

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
  /** Whether this level may set the key (the registry's scopes, the organization's locks). */
  settable: boolean;
};

function targetOf(actor: Actor, scope: SettingScope): SettingsTarget {
  if (scope === 'system') return {};
  if (scope === 'organization') return { organizationId: actor.organizationId };
  return { organizationId: actor.organizationId, userId: actor.userId };
}

function buildViews(scope: SettingScope, rows: StoredSetting[]): Record<SettingKey, SettingView> {
  const resolved = resolveStoredSettings(rows, scope);
  const views = {} as Record<SettingKey, SettingView>;
  for (const key of settingKeys) {
    const definition = settingDefinitions[key];
    const entry = resolved[key];
    views[key] = {
      key,
      label: definition.label,
      insecure: 'insecure' in definition && definition.insecure === true,
      scope,
      value: entry.value,
      inheritedFrom: entry.origin === scope ? null : entry.origin,
      parentValue: entry.parentValue,
      parentOrigin: entry.parentOrigin,
      settable: entry.settable,
    };
  }
  return views;
}

/** Every setting in force at a level for the actor, with where each value comes from. */
export async function listSettings(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  scope: SettingScope,
): Promise<SettingView[]> {
  if (!canManageSettings(actor, scope)) throw forbidden();
  const views = buildViews(scope, await listStoredSettings(deps.db, targetOf(actor, scope)));
  return settingKeys.map((key) => views[key]);
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
  context: RequestContext,
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
        meta: errorMeta('setting_scope', { key, scope: input.scope }),
      },
    );
  }
  const target = targetOf(actor, input.scope);
  const before = buildViews(input.scope, await listStoredSettings(deps.db, target))[key];
  // A key the organization locks, or whose switch it turns off, is not the user's to set; removing
  // an old value (null) stays allowed so nothing is left behind.
  if (!before.settable && input.value !== null) {
    throw new AppError(
      'validation',
      'setting_locked',
      `Your organization does not let users change "${definition.label}".`,
      { source: attributePointer('scope') },
    );
  }
  let value: unknown;
  if (input.value !== null) {
    const parsed = safeParseWithOwnWords(definition.schema, input.value);
    const issue = parsed.error?.issues[0];
    if (issue) {
      const { detail, meta } = settingValueProblem(key, issue);
      throw new AppError('validation', 'setting_invalid', `${definition.label}: ${detail}`, {
        source: attributePointer('value'),
        meta,
      });
    }
    value = 'html' in definition && definition.html ? sanitizeSignature(String(parsed.data)) : parsed.data;
    if (key === 'email.default_from' && value !== '') await checkOwnEmail(deps, actor, String(value));
    if (key === 'configuration.locked_keys') checkLockableKeys(value as string[]);
  }
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
  return buildViews(input.scope, await listStoredSettings(deps.db, target))[key];
}

/** The default From address must be one of the user's own email addresses (primary or additional). */
async function checkOwnEmail(deps: Pick<Deps, 'db'>, actor: Actor, email: string): Promise<void> {
  const normalized = normalizeEmail(email);
  if (!(await isOwnEmail(deps.db, actor.userId, normalized))) {
    throw new AppError('validation', 'setting_invalid', 'Choose one of your own email addresses.', {
      source: attributePointer('value'),
      meta: errorMeta('setting_invalid', { reason: 'own_email' }),
    });
  }
}

/** Only keys a user may set can be locked, each once. */
function checkLockableKeys(keys: string[]): void {
  const lockable = new Set<string>(userSettingKeys);
  const index = keys.findIndex((key, position) => !lockable.has(key) || keys.indexOf(key) !== position);
  if (index !== -1) {
    throw new AppError(
      'validation',
      'setting_invalid',
      `"${keys[index]}" is not a setting users can change, or is listed twice.`,
      {
        source: { pointer: `/data/attributes/value/${index}` },
        meta: errorMeta('setting_invalid', { reason: 'not_user_setting', key: keys[index] ?? '' }),
      },
    );
  }
}
