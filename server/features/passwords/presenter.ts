import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH_RANGE } from '../../../common/password-policy';
import {
  integer,
  messageMeta,
  metaDocumentSchema,
  resourceDocumentSchema,
  resourceIdentifier,
  resourceSchema,
  text,
} from '../../platform/http/openapi';

const ruleDetail = text(500).describe('The rule as an English sentence');

/** The length rule of the policy, with its bounds. */
const lengthRule = z.object({
  rule: z.literal('length').describe('The rule, by a stable code'),
  min: integer(PASSWORD_MIN_LENGTH_RANGE.min, PASSWORD_MIN_LENGTH_RANGE.max).describe(
    'The fewest characters (code points)',
  ),
  max: integer(PASSWORD_MAX_LENGTH, PASSWORD_MAX_LENGTH).describe('The most characters'),
  detail: ruleDetail,
});

/** A rule that is on or off, without numbers. */
const switchedRule = z.object({
  rule: z
    .enum(['lower_case', 'upper_case', 'numbers', 'special_chars', 'not_common', 'no_context_words'])
    .describe('The rule, by a stable code'),
  detail: ruleDetail,
});

/** The `password-policies` resource: the rules in force; its id is the organization's, or `system`. */
export const passwordPolicyResource = resourceSchema('password-policies', {
  id: z.union([z.uuid().max(36), z.literal('system')]),
  attributes: {
    minLength: integer(PASSWORD_MIN_LENGTH_RANGE.min, PASSWORD_MIN_LENGTH_RANGE.max),
    lowerCase: z.boolean(),
    upperCase: z.boolean(),
    numbers: z.boolean(),
    specialChars: z.boolean(),
    maxLength: integer(PASSWORD_MAX_LENGTH, PASSWORD_MAX_LENGTH),
    blocklist: z.literal(true).describe('Common passwords are refused'),
    contextWords: z
      .literal(true)
      .describe('The username, email, names, organization and "Atrium" are refused'),
    rules: z
      .array(z.union([lengthRule, switchedRule]))
      .max(10)
      .describe('The rules in force, in the order to list them'),
  },
}).meta({ id: 'PasswordPolicy' });

/** The 202 of an administrator's Reset Password: the users that were reset, never a token. */
export const passwordResetsDocument = resourceDocumentSchema(z.array(resourceIdentifier('users')).max(100), {
  meta: messageMeta,
});

/** The 202 of "Forgot your password?": the same message whether or not the account exists. */
export const passwordResetRequestDocument = metaDocumentSchema(messageMeta);
