import { z } from 'zod';

/**
 * Rules of the identity resources the API accepts and the SPA's forms check before sending:
 * organizations, roles, and the administrator's "Create User" form. Wrong JSON types are 400;
 * values that break a rule are 422 with these messages.
 */
export const ORGANIZATION_NAME_MAX = 255;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Length as a person counts it: Unicode code points. */
function characterCount(value: string): number {
  return [...value].length;
}

/** Why an organization name is refused, or null. Nothing is trimmed: edge spaces are refused. */
export function organizationNameProblem(value: string): string | null {
  if (value.trim() === '') return 'The organization name is required.';
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
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The permission names of a role (each checked against common/permissions.ts by the server). */
export const rolePermissionsSchema = z.array(z.string().max(100)).max(100);
