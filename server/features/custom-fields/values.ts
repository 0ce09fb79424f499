import { errorMeta } from '../../../common/error-particulars';
import { customFieldValueFault } from '../../../common/profile';
import type { ErrorDetail } from '../../platform/http/errors';
import type { CustomFieldDefinition, CustomFieldValue } from './store';

export type CustomFieldChanges = {
  /** field id → new value, or null to remove the value */
  writes: Map<string, CustomFieldValue | null>;
  /** names of the fields whose value changes */
  changed: string[];
  errors: ErrorDetail[];
};

const pointer = (name: string) => ({
  pointer: `/data/attributes/customFields/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
});

/**
 * Checks submitted custom field values against the organization's definitions and works out what
 * to write. Names that are not defined are refused; a field not in `input` keeps its value; `null`
 * or '' removes it. Required fields must have a value after the change — checked only when the
 * request touches `customFields` at all, so a new required field does not block unrelated edits.
 */
export function planCustomFieldChanges(
  definitions: readonly CustomFieldDefinition[],
  input: Readonly<Record<string, unknown>>,
  existing: Readonly<Record<string, CustomFieldValue>>,
): CustomFieldChanges {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const writes = new Map<string, CustomFieldValue | null>();
  const changed: string[] = [];
  const errors: ErrorDetail[] = [];
  for (const name of Object.keys(input)) {
    if (!byName.has(name)) {
      errors.push({
        code: 'custom_field_unknown',
        detail: `There is no custom field named "${name}" in this organization.`,
        source: pointer(name),
        meta: errorMeta('custom_field_unknown', { name }),
      });
    }
  }
  for (const definition of definitions) {
    const given = Object.hasOwn(input, definition.name);
    const value = given ? input[definition.name] : existing[definition.name];
    const fault = customFieldValueFault(
      {
        label: definition.label,
        type: definition.type,
        isRequired: definition.isRequired,
        choices: definition.choices,
      },
      value,
    );
    if (fault) {
      errors.push({
        code: fault.code,
        detail: fault.message,
        source: pointer(definition.name),
        meta: fault.meta,
      });
      continue;
    }
    if (!given) continue;
    const next = value === '' || value === null || value === undefined ? null : (value as CustomFieldValue);
    const previous = existing[definition.name] ?? null;
    if (next !== previous) {
      writes.set(definition.id, next);
      changed.push(definition.name);
    }
  }
  return { writes, changed, errors };
}
