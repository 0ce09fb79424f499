import { Checkbox, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { localeDateFormat, parseLocaleDate } from '../../../common/dates';
import type { CustomFieldDefinition } from './api';
import type { CustomValue } from './edit-values';

/** The **Additional** section: the organization's custom user fields, each by its definition. */
export function AdditionalSection({
  definitions,
  values,
  errors,
  locale,
  onChange,
}: {
  definitions: CustomFieldDefinition[];
  values: Record<string, CustomValue>;
  errors: Record<string, string>;
  locale: string;
  onChange: (name: string, value: CustomValue) => void;
}) {
  if (definitions.length === 0) {
    return <Text c="gray.8">No additional fields are defined for users of this organization.</Text>;
  }
  const dateFormat = localeDateFormat(locale);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
      {definitions.map((definition) => {
        const value = values[definition.name] ?? null;
        const common = {
          label: definition.label,
          required: definition.required,
          error: errors[`customFields.${definition.name}`],
        };
        switch (definition.fieldType) {
          case 'longtext':
            return (
              <Textarea
                key={definition.id}
                {...common}
                autosize
                minRows={3}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(definition.name, event.currentTarget.value)}
                style={{ gridColumn: '1 / -1' }}
              />
            );
          case 'number':
            return (
              <NumberInput
                key={definition.id}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(next) => onChange(definition.name, typeof next === 'number' ? next : null)}
              />
            );
          case 'date':
            return (
              <DateInput
                key={definition.id}
                {...common}
                placeholder={dateFormat.placeholder}
                valueFormat={dateFormat.pattern}
                dateParser={(input) => parseLocaleDate(input, locale)}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => onChange(definition.name, next)}
                clearable
                clearButtonProps={{ 'aria-label': `Clear ${definition.label}` }}
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={definition.id}
                label={definition.label}
                error={common.error}
                mt="lg"
                checked={value === true}
                onChange={(event) => onChange(definition.name, event.currentTarget.checked)}
              />
            );
          case 'choice':
            return (
              <Select
                key={definition.id}
                {...common}
                data={definition.choices ?? []}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => onChange(definition.name, next)}
                clearable={!definition.required}
                allowDeselect={!definition.required}
              />
            );
          default:
            return (
              <TextInput
                key={definition.id}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(definition.name, event.currentTarget.value)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
