import type { CustomFieldListAbilities } from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';

/** Administrators define the organization's custom user fields; everyone signed in may read them. */
export function canManageCustomFields(actor: Actor): boolean {
  return actor.permissions.has('custom_fields.manage');
}

/** `meta.abilities` of the custom fields list: what the actor may do from Custom User Fields. */
export function customFieldListAbilitiesOf(actor: Actor): CustomFieldListAbilities {
  const manage = canManageCustomFields(actor);
  return { create: manage, update: manage, delete: manage };
}
