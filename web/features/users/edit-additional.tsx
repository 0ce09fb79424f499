import { Checkbox, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/date-field';
import type { CustomFieldDefinition } from './api';
import type { CustomValue } from './edit-values';
import '../../i18n/lazy/users';

/** The **Additional** section: the organization's custom user fields, each by its definition. */
export function AdditionalSection({
  definitions,
  values,
  errors,
  locale,
  onChange,
  setDateProblem,
}: {
  definitions: CustomFieldDefinition[];
  values: Record<string, CustomValue>;
  errors: FormErrors;
  locale: string;
  onChange: (name: string, value: CustomValue) => void;
  /** A typed date's problem (or null once it is a date again), by form key: blocks Save. */
  setDateProblem: (key: string, problem: string | null) => void;
}) {
  const { t } = useTranslation('users');
  if (definitions.length === 0) {
    return <Text c="gray.8">{t('edit.noAdditionalFields')}</Text>;
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
      {definitions.map((definition) => (
        <CustomFieldInput
          key={definition.id}
          definition={definition}
          value={values[definition.name] ?? null}
          error={errors[`customFields.${definition.name}`]}
          locale={locale}
          onChange={(value) => onChange(definition.name, value)}
          setDateProblem={(problem) => setDateProblem(`customFields.${definition.name}`, problem)}
        />
      ))}
    </SimpleGrid>
  );
}

/** The input for one custom field, by its type. */
function CustomFieldInput({
  definition,
  value,
  error,
  locale,
  onChange,
  setDateProblem,
}: {
  definition: CustomFieldDefinition;
  value: CustomValue;
  error: FormErrors[string];
  locale: string;
  onChange: (value: CustomValue) => void;
  setDateProblem: (problem: string | null) => void;
}) {
  const { t } = useTranslation('users');
  const common = { label: definition.label, required: definition.required, error };
  switch (definition.fieldType) {
    case 'longtext':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          style={{ gridColumn: '1 / -1' }}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
        />
      );
    case 'date':
      return (
        <DateField
          {...common}
          locale={locale}
          value={typeof value === 'string' ? value : null}
          onChange={(next, problem) => {
            if (next !== value) onChange(next);
            setDateProblem(problem);
          }}
          clearLabel={t('edit.clearField', { label: definition.label })}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={definition.label}
          error={error}
          mt="lg"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={definition.choices ?? []}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          clearable={!definition.required}
          allowDeselect={!definition.required}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
