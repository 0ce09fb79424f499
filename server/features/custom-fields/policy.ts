import type { Actor } from '../../platform/http/access';

/** Administrators define the organization's custom user fields; everyone signed in may read them. */
export function canManageCustomFields(actor: Actor): boolean {
  return actor.permissions.has('custom_fields.manage');
}
