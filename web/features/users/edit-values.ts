import { formatPhoneInternational } from '../../../common/phone';
import { customFieldValueProblem, type UserProfileUpdate } from '../../../common/profile';
import type { UserResource } from '../../app/user-resource';
import type { CustomFieldDefinition } from './api';

export type CustomValue = string | number | boolean | null;

/** The Edit My User form's values: text as typed ('' for empty), the birthday as `YYYY-MM-DD` or null. */
export type ProfileValues = {
  username: string;
  namePrefix: string;
  firstName: string;
  middleName: string;
  lastName: string;
  nameSuffix: string;
  birthday: string | null;
  email: string;
  currentPassword: string;
  additionalEmails: string[];
  phone: string;
  customFields: Record<string, CustomValue>;
};

export function valuesOf(user: UserResource): ProfileValues {
  const a = user.attributes;
  return {
    username: a.username,
    namePrefix: a.namePrefix ?? '',
    firstName: a.firstName,
    middleName: a.middleName ?? '',
    lastName: a.lastName,
    nameSuffix: a.nameSuffix ?? '',
    birthday: a.birthday,
    email: a.email,
    currentPassword: '',
    additionalEmails: a.additionalEmails.map((item) => item.email),
    // International format: unambiguous whatever the viewer's country.
    phone: a.phone ? formatPhoneInternational(a.phone) : '',
    customFields: { ...a.customFields },
  };
}

const TEXT_FIELDS = ['username', 'firstName', 'lastName', 'email'] as const;
const OPTIONAL_FIELDS = ['namePrefix', 'middleName', 'nameSuffix'] as const;

/**
 * What to send in the PATCH: only what changed since the form was loaded (or last saved), text
 * trimmed at both ends (the server refuses edge spaces rather than trimming them), empty optional
 * values as null, and empty lines of the Emails list dropped.
 */
export function changedAttributes(
  values: ProfileValues,
  baseline: ProfileValues,
  isSelf: boolean,
): UserProfileUpdate {
  const changes: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    if (values[field].trim() !== baseline[field]) changes[field] = values[field].trim();
  }
  for (const field of OPTIONAL_FIELDS) {
    const next = values[field].trim();
    if (next !== baseline[field]) changes[field] = next === '' ? null : next;
  }
  if (values.birthday !== baseline.birthday) changes.birthday = values.birthday;
  if (values.phone.trim() !== baseline.phone)
    changes.phone = values.phone.trim() === '' ? null : values.phone.trim();
  const emails = values.additionalEmails.map((email) => email.trim()).filter((email) => email !== '');
  if (JSON.stringify(emails) !== JSON.stringify(baseline.additionalEmails)) changes.additionalEmails = emails;
  const custom: Record<string, CustomValue> = {};
  for (const [name, value] of Object.entries(values.customFields)) {
    const before = baseline.customFields[name] ?? null;
    const isEmpty = value === null || value === '';
    if (isEmpty ? before !== null : value !== before) custom[name] = isEmpty ? null : value;
  }
  if (Object.keys(custom).length > 0) changes.customFields = custom;
  if (isSelf && 'email' in changes && values.email.trim().toLowerCase() !== baseline.email.toLowerCase()) {
    changes.currentPassword = values.currentPassword;
  }
  return changes as UserProfileUpdate;
}

/** Custom field problems by form key (`customFields.<name>`), with the server's rules. */
export function customFieldErrors(
  definitions: CustomFieldDefinition[],
  values: Record<string, CustomValue>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const definition of definitions) {
    const problem = customFieldValueProblem(
      {
        label: definition.label,
        type: definition.fieldType,
        isRequired: definition.required,
        choices: definition.choices,
      },
      values[definition.name] ?? null,
    );
    if (problem) found[`customFields.${definition.name}`] = problem;
  }
  return found;
}
