import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import {
  characterCount,
  emailProblem,
  FIRST_LAST_NAME_MAX,
  lineTextProblem,
  OTHER_NAME_MAX,
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

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why an organization name is refused, or null. Nothing is trimmed: edge spaces are refused. */
export function organizationNameProblem(value: string): string | null {
  if (value.trim() === '') return 'The organization name is required.';
  const invisible = invisibleTextProblem(value, 'The organization name');
  if (invisible) return invisible.message;
  if (CONTROL.test(value)) return 'The organization name cannot contain line breaks or control characters.';
  if (/^\s|\s$/.test(value)) return 'The organization name cannot start or end with a space.';
  if (characterCount(value) > ORGANIZATION_NAME_MAX) {
    return `The organization name can have at most ${ORGANIZATION_NAME_MAX} characters.`;
  }
  return null;
}

export const organizationNameSchema = z
  .string()
  .max(
    ORGANIZATION_NAME_MAX * 2 + 16,
    `The organization name can have at most ${ORGANIZATION_NAME_MAX} characters.`,
  )
  .superRefine((value, ctx) => {
    const problem = organizationNameProblem(value);
    if (!problem) return;
    const invisible = value.trim() !== '' && invisibleTextProblem(value, 'The organization name');
    ctx.addIssue({
      code: 'custom',
      message: problem,
      ...(invisible ? { params: { code: invisible.code } } : {}),
    });
  });

/** The permission names of a role (each checked against common/permissions.ts by the server). */
export const rolePermissionsSchema = z.array(z.string().max(100)).max(100);

/**
 * The attributes of `POST /api/users` (the administrator's "Create User" form): the same rules as
 * the profile (common/profile.ts) plus the initial password, checked by the password policy on
 * the server. `mustChangePassword` defaults to true: an administrator-set password is an initial
 * secret the user replaces at their first sign-in.
 */
export const newUserAttributesSchema = z.strictObject({
  username: checkedText((value) => usernameProblem(value)),
  email: checkedText((value) => emailProblem(value, 'The primary email')),
  firstName: checkedText((value) => requiredName(value, 'The first name', FIRST_LAST_NAME_MAX)),
  lastName: checkedText((value) => requiredName(value, 'The last name', FIRST_LAST_NAME_MAX)),
  password: z
    .string()
    .max(PASSWORD_MAX_LENGTH * 4 + 16, `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`),
  namePrefix: checkedText((value) => lineTextProblem(value, 'The name prefix', OTHER_NAME_MAX))
    .nullable()
    .optional(),
  middleName: checkedText((value) => lineTextProblem(value, 'The middle name', OTHER_NAME_MAX))
    .nullable()
    .optional(),
  nameSuffix: checkedText((value) => lineTextProblem(value, 'The name suffix', OTHER_NAME_MAX))
    .nullable()
    .optional(),
  mustChangePassword: z.boolean().optional(),
});

export type NewUserAttributes = z.infer<typeof newUserAttributesSchema>;

/** Why a username is refused, or null. Usernames never contain "@": a login is a username or an email. */
export function usernameProblem(value: string): string | TextProblem | null {
  if (characterCount(value) < USERNAME_MIN)
    return `The username must have at least ${USERNAME_MIN} characters.`;
  return lineTextProblem(value, 'The username', USERNAME_MAX) ?? usernameUnicodeProblem(value);
}

function requiredName(value: string, label: string, max: number): string | TextProblem | null {
  if (value.trim() === '') return `${label} is required.`;
  return lineTextProblem(value, label, max) ?? invisibleTextProblem(value, label);
}

function checkedText(problem: (value: string) => string | TextProblem | null) {
  return z
    .string()
    .max(4096, 'This value is too long.')
    .superRefine((value, ctx) => {
      const found = problem(value);
      if (typeof found === 'string') ctx.addIssue({ code: 'custom', message: found });
      else if (found) ctx.addIssue({ code: 'custom', message: found.message, params: { code: found.code } });
    });
}
