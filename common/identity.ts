import { z } from 'zod';
import {
  addFault,
  boundedText,
  characterCount,
  EMAIL_MAX,
  emailFault,
  FIRST_LAST_NAME_MAX,
  limitedText,
  lineTextFault,
  OTHER_NAME_MAX,
  passwordText,
  requiredFault,
  type TextRuleFault,
  USERNAME_MAX,
  USERNAME_MIN,
} from './profile';
import { invisibleTextProblem, type TextProblem, usernameUnicodeProblem } from './unicode-text';

/**
 * Rules of the identity resources the API accepts and the SPA's forms check before sending:
 * organizations, roles, and the administrator's "Create User" form. Wrong JSON types are 400;
 * values that break a rule are 422 with these messages.
 */
export const ORGANIZATION_NAME_MAX = 255;

/** Why an organization name is refused, or null. Nothing is trimmed: edge spaces are refused. */
export function organizationNameProblem(value: string): string | null {
  return organizationNameFault(value)?.message ?? null;
}

/** organizationNameProblem with the code (`not_visible`) or particulars of the rule broken. */
function organizationNameFault(value: string): TextRuleFault | TextProblem | null {
  const label = 'The organization name';
  if (value.trim() === '') return requiredFault(label);
  const invisible = invisibleTextProblem(value, label);
  if (invisible) return invisible;
  return lineTextFault(value, label, ORGANIZATION_NAME_MAX);
}

export const organizationNameSchema = boundedText(
  'The organization name',
  ORGANIZATION_NAME_MAX,
  (value, ctx) => addFoundProblem(ctx, organizationNameFault(value)),
);

/** The permission names of a role (each checked against common/permissions.ts by the server). */
export const rolePermissionsSchema = z.array(limitedText('A permission', 100)).max(100);

/**
 * The attributes of `POST /api/users` (the administrator's "Create User" form): the same rules as
 * the profile (common/profile.ts) plus the initial password, checked by the password policy on
 * the server. `mustChangePassword` defaults to true: an administrator-set password is an initial
 * secret the user replaces at their first sign-in.
 */
export const newUserAttributesSchema = z.strictObject({
  username: checkedText('The username', USERNAME_MAX, (value) => usernameProblem(value)),
  email: checkedText('The primary email', EMAIL_MAX, (value) => emailFault(value, 'The primary email')),
  firstName: checkedText('The first name', FIRST_LAST_NAME_MAX, (value) =>
    requiredName(value, 'The first name', FIRST_LAST_NAME_MAX),
  ),
  lastName: checkedText('The last name', FIRST_LAST_NAME_MAX, (value) =>
    requiredName(value, 'The last name', FIRST_LAST_NAME_MAX),
  ),
  password: passwordText(),
  namePrefix: checkedText('The name prefix', OTHER_NAME_MAX, (value) =>
    lineTextFault(value, 'The name prefix', OTHER_NAME_MAX),
  )
    .nullable()
    .optional(),
  middleName: checkedText('The middle name', OTHER_NAME_MAX, (value) =>
    lineTextFault(value, 'The middle name', OTHER_NAME_MAX),
  )
    .nullable()
    .optional(),
  nameSuffix: checkedText('The name suffix', OTHER_NAME_MAX, (value) =>
    lineTextFault(value, 'The name suffix', OTHER_NAME_MAX),
  )
    .nullable()
    .optional(),
  mustChangePassword: z.boolean().optional(),
});

export type NewUserAttributes = z.infer<typeof newUserAttributesSchema>;

/** Why a username is refused, or null. Usernames never contain "@": a login is a username or an email. */
export function usernameProblem(value: string): TextRuleFault | TextProblem | null {
  if (characterCount(value) < USERNAME_MIN) {
    return {
      message: `The username must have at least ${USERNAME_MIN} characters.`,
      params: { reason: 'too_short', minimum: USERNAME_MIN },
    };
  }
  return lineTextFault(value, 'The username', USERNAME_MAX) ?? usernameUnicodeProblem(value);
}

function requiredName(value: string, label: string, max: number): TextRuleFault | TextProblem | null {
  if (value.trim() === '') return requiredFault(label);
  return lineTextFault(value, label, max) ?? invisibleTextProblem(value, label);
}

/** A rule with a stable code of its own (TextProblem), or a `custom` one with its particulars. */
function addFoundProblem(ctx: z.RefinementCtx, found: TextRuleFault | TextProblem | null): void {
  if (found && 'code' in found) {
    ctx.addIssue({ code: 'custom', message: found.message, params: { code: found.code } });
  } else addFault(ctx, found);
}

function checkedText(
  label: string,
  max: number,
  problem: (value: string) => TextRuleFault | TextProblem | null,
) {
  return boundedText(label, max, (value, ctx) => addFoundProblem(ctx, problem(value)));
}
