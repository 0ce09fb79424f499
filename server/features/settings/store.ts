import type { Kysely } from 'kysely';
import type { SettingScope } from '../../../common/settings';
import type { DB } from '../../platform/db/schema';
import { type SettingsTarget, scopeIdOf } from '../../platform/settings';

export type StoredSetting = { scope: SettingScope; key: string; value: string };

/** Every stored value on the path system → organization → user of the target, in one query. */
export async function listStoredSettings(db: Kysely<DB>, target: SettingsTarget): Promise<StoredSetting[]> {
  return db
    .selectFrom('settingsValues')
    .select(['scope', 'key', 'value'])
    .where((eb) => {
      const scopes = [eb.and([eb('scope', '=', 'system'), eb('scopeId', '=', '')])];
      if (target.organizationId) {
        scopes.push(
          eb.and([eb('scope', '=', 'organization'), eb('scopeId', '=', scopeIdOf('organization', target))]),
        );
        if (target.userId) {
          scopes.push(eb.and([eb('scope', '=', 'user'), eb('scopeId', '=', scopeIdOf('user', target))]));
        }
      }
      return eb.or(scopes);
    })
    .execute();
}
