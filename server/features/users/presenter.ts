import type { ResourceObject } from '../../platform/http/jsonapi';
import type { UserRecord } from './store';

/** What a `users` resource shows beyond the `users` row; each part is loaded by whoever needs it. */
export type UserExtras = {
  /** The user's additional (non-primary) addresses, in their order. */
  additionalEmails?: { email: string; verified: boolean }[];
  /** Custom field values of the actor's organization, by field name. */
  customFields?: Record<string, unknown>;
  /** Ids of the user's roles in the actor's organization. */
  roleIds?: string[];
  /** Ids of the organizations the user belongs to (only those the actor may see). */
  organizationIds?: string[];
  /** The current avatar, if any: `version` changes with every new picture (cache busting). */
  avatar?: { version: string } | null;
};

/** The fields of a user that the presenter reads (a `UserRecord` has them all). */
export type PresentableUser = Pick<
  UserRecord,
  | 'id'
  | 'username'
  | 'email'
  | 'namePrefix'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'nameSuffix'
  | 'birthday'
  | 'phone'
  | 'status'
  | 'mustChangePassword'
  | 'lastSignInAt'
  | 'signInCount'
  | 'createdAt'
  | 'updatedAt'
>;

/** "Dr. Ada Maria Lovelace Jr.": the parts that are set, in Western order, separated by spaces. */
export function formatFullName(
  user: Pick<UserRecord, 'namePrefix' | 'firstName' | 'middleName' | 'lastName' | 'nameSuffix'>,
): string {
  return [user.namePrefix, user.firstName, user.middleName, user.lastName, user.nameSuffix]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

export function userPath(id: string): string {
  return `/api/users/${id}`;
}

export function avatarPath(id: string, size: 58 | 256, version: string): string {
  return `${userPath(id)}/avatar?size=${size}&v=${encodeURIComponent(version)}`;
}

/**
 * The `users` resource (GET /api/users, GET /api/users/{id}, GET /api/userprofile). Never
 * contains a password hash, a token or a normalized column: it reads only `PresentableUser`.
 *
 * Attributes that come from `extras` (`additionalEmails`, `customFields`) and the relationships
 * (`roles`, `organizations`) appear only when the caller loaded them, so a list can stay cheap;
 * `links.avatar` (and `attributes.avatarUrl`, the same URL for clients that read attributes only)
 * appear when `extras.avatar` is given, `avatarUrl` is `null` when it is given as `null`.
 */
/** The fields of a `users` resource, for `fields[users]` (sparse fieldsets). */
export const userFields = [
  'username',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'fullName',
  'birthday',
  'email',
  'additionalEmails',
  'phone',
  'status',
  'enabled',
  'mustChangePassword',
  'lastSignInAt',
  'signInCount',
  'createdAt',
  'updatedAt',
  'customFields',
  'avatarUrl',
  'roles',
  'organizations',
] as const;

export function presentUser(user: PresentableUser, extras: UserExtras = {}): ResourceObject {
  const attributes: Record<string, unknown> = {
    username: user.username,
    namePrefix: user.namePrefix,
    firstName: user.firstName,
    middleName: user.middleName,
    lastName: user.lastName,
    nameSuffix: user.nameSuffix,
    fullName: formatFullName(user),
    birthday: user.birthday,
    email: user.email,
    ...(extras.additionalEmails ? { additionalEmails: extras.additionalEmails } : {}),
    phone: user.phone,
    status: user.status,
    enabled: user.status !== 'disabled',
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: user.lastSignInAt,
    signInCount: user.signInCount,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    ...(extras.customFields ? { customFields: extras.customFields } : {}),
  };
  const links: Record<string, string> = { self: userPath(user.id) };
  if (extras.avatar) {
    links.avatar = avatarPath(user.id, 256, extras.avatar.version);
    links.avatarSmall = avatarPath(user.id, 58, extras.avatar.version);
    attributes.avatarUrl = links.avatar;
  } else if (extras.avatar === null) {
    attributes.avatarUrl = null;
  }
  const resource: ResourceObject = { type: 'users', id: user.id, attributes, links };
  const relationships: NonNullable<ResourceObject['relationships']> = {};
  if (extras.roleIds) relationships.roles = { data: extras.roleIds.map((id) => ({ type: 'roles', id })) };
  if (extras.organizationIds) {
    relationships.organizations = {
      data: extras.organizationIds.map((id) => ({ type: 'organizations', id })),
    };
  }
  if (Object.keys(relationships).length > 0) resource.relationships = relationships;
  return resource;
}
