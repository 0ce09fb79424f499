import { z } from 'zod';
import {
  configurationLevels,
  type UserAbility,
  userAbilities,
  workspaceAbilities,
} from '../../../common/abilities';
import { permissions } from '../../../common/permissions';
import { formatPersonName } from '../../../common/person-name';
import {
  ADDITIONAL_EMAILS_MAX,
  CUSTOM_LONGTEXT_MAX,
  EMAIL_MAX,
  FIRST_LAST_NAME_MAX,
  OTHER_NAME_MAX,
  PHONE_MAX,
  USERNAME_MAX,
} from '../../../common/profile';
import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  apiPath,
  calendarDate,
  integer,
  recordId,
  resourceSchema,
  text,
  timestamp,
  toManyRelationship,
  toOneRelationship,
} from '../../platform/http/openapi';
import type { ListedUser } from './list-store';
import { avatarVersion } from './profile-store';
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
    fullName: formatPersonName(user),
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

/** The `users` resource of a list row: roles in the organization, the avatar links. */
export function presentListedUser(
  user: ListedUser,
  extras: Pick<UserExtras, 'organizationIds'> = {},
): ResourceObject {
  const { avatarKey, roleIds, ...presentable } = user;
  return presentUser(presentable, {
    ...extras,
    roleIds,
    avatar: avatarKey ? { version: avatarVersion(avatarKey) } : null,
  });
}

/** At most this many organizations and roles are listed in a user's relationships. */
const MAX_RELATED = 1000;

/** A custom field value: its definition decides which of these (common/profile.ts). */
const customFieldValue = z.union([text(CUSTOM_LONGTEXT_MAX * 2), z.number(), z.boolean()]);

/** Lengths in UTF-16 units: the rules count code points, and one may take two units. */
const userAttributes = {
  username: text(USERNAME_MAX * 2),
  namePrefix: text(OTHER_NAME_MAX * 2).nullable(),
  firstName: text(FIRST_LAST_NAME_MAX * 2),
  middleName: text(OTHER_NAME_MAX * 2).nullable(),
  lastName: text(FIRST_LAST_NAME_MAX * 2),
  nameSuffix: text(OTHER_NAME_MAX * 2).nullable(),
  fullName: text(4 * OTHER_NAME_MAX * 2 + 4 * FIRST_LAST_NAME_MAX),
  birthday: calendarDate.nullable(),
  email: text(EMAIL_MAX * 2),
  additionalEmails: z
    .array(z.strictObject({ email: text(EMAIL_MAX * 2), verified: z.boolean() }))
    .max(ADDITIONAL_EMAILS_MAX)
    .optional()
    .describe('Only on a single user'),
  phone: text(PHONE_MAX).nullable().describe('E.164'),
  status: z.enum(['active', 'reset', 'disabled']),
  enabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: timestamp.nullable(),
  signInCount: integer(0, 2_147_483_647),
  createdAt: timestamp,
  updatedAt: timestamp,
  customFields: z
    .record(text(64), customFieldValue)
    .optional()
    .describe('Values of the custom user fields of my organization, by field name; only on a single user'),
  avatarUrl: apiPath.nullable().optional().describe('The 256 px avatar, null without one'),
};

const userRelationships = {
  roles: toManyRelationship('roles', MAX_RELATED).optional(),
  organizations: toManyRelationship('organizations', MAX_RELATED).optional(),
};

const userLinks = { self: apiPath, avatar: apiPath.optional(), avatarSmall: apiPath.optional() };

/** The `users` resource of lists (sparse fieldsets allowed). */
export const listedUserResource = resourceSchema('users', {
  attributes: userAttributes,
  relationships: userRelationships,
  links: userLinks,
  sparse: true,
}).meta({ id: 'User' });

/** `meta.abilities`: what the signed-in user may do to this user, as the server's policies answer it. */
const userAbilitiesSchema = z
  .strictObject(
    Object.fromEntries(userAbilities.map((ability) => [ability, z.boolean()])) as Record<
      UserAbility,
      z.ZodBoolean
    >,
  )
  .describe(
    'What I may do to this user (common/abilities.ts), so a client shows only the actions the API allows',
  )
  .meta({ id: 'UserAbilities' });

/** `meta.abilities` of my profile: what I may do to myself (as above), and in the workspace. */
const profileAbilitiesSchema = z
  .strictObject({
    ...userAbilitiesSchema.shape,
    ...abilitiesSchema(workspaceAbilities).shape,
    configure: abilitiesSchema(configurationLevels).describe(
      'Configuration at each level: mine, the organization’s, the system’s',
    ),
  })
  .describe(
    'What I may do to myself and in the workspace (common/abilities.ts ProfileAbilities): the pages, levels and shortcuts a client offers',
  )
  .meta({ id: 'ProfileAbilities' });

/** The `users` resource of `GET`/`PATCH /api/users/{id}`, with its ETag in `meta.etag`. */
export const userResource = resourceSchema('users', {
  attributes: userAttributes,
  relationships: userRelationships,
  links: userLinks,
  meta: z.strictObject({ etag: text(256), abilities: userAbilitiesSchema }),
  sparse: true,
}).meta({ id: 'UserWithVersion' });

const organizationSummary = z.strictObject({ id: recordId, name: text(512) });

/** The signed-in user of `GET /api/userprofile`: permissions and organizations in `meta`. */
export const userProfileResource = resourceSchema('users', {
  attributes: userAttributes,
  relationships: {
    ...userRelationships,
    organization: toOneRelationship('organizations').describe('The current organization'),
  },
  links: userLinks,
  meta: z.strictObject({
    permissions: z.array(z.enum(permissions)).max(permissions.length),
    organization: organizationSummary,
    organizations: z.array(organizationSummary).max(MAX_RELATED),
    abilities: profileAbilitiesSchema,
  }),
  sparse: true,
}).meta({ id: 'UserProfile' });
