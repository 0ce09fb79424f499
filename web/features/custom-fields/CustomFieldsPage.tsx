import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type CustomFieldKind,
  customFieldDefinitionSchema,
  customFieldTypeLabels,
  customFieldTypes,
} from '../../../common/profile';
import { fieldErrors, useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import type { CustomFieldDefinition } from '../users/api';
import { useCreateCustomField, useCustomFields, useDeleteCustomField, useUpdateCustomField } from './api';

type Draft = {
  name: string;
  label: string;
  fieldType: CustomFieldKind;
  required: boolean;
  choices: string;
  position: number | '';
};

const emptyDraft: Draft = {
  name: '',
  label: '',
  fieldType: 'text',
  required: false,
  choices: '',
  position: '',
};

/**
 * **Custom User Fields** (`/settings/custom-fields`, `custom_fields.manage`): the fields of the
 * Additional section of every user's profile in this organization.
 */
export function CustomFieldsPage() {
  const { data: me } = useCurrentUser();
  const definitions = useCustomFields();
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomFieldDefinition | null>(null);
  const remove = useDeleteCustomField();
  const canManage = me?.permissions.includes('custom_fields.manage') ?? false;

  return (
    <Page
      title="Custom User Fields"
      actions={
        canManage ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            Add Field
          </Button>
        ) : null
      }
    >
      <Text c="gray.8">
        These fields appear in the Additional section of every user's profile in this organization.
      </Text>
      {!canManage ? (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden="true" />}>
          You can see the fields, but only administrators can change them.
        </Alert>
      ) : null}
      {definitions.isPending ? (
        <PageLoader label="Loading the custom fields…" />
      ) : definitions.isError ? (
        <Alert color="red" role="alert">
          {definitions.error.message}
        </Alert>
      ) : definitions.data.length === 0 ? (
        <Text>No custom fields yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Required</Table.Th>
                <Table.Th>Choices</Table.Th>
                <Table.Th>Position</Table.Th>
                {canManage ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {definitions.data.map((definition) => (
                <Table.Tr key={definition.id}>
                  <Table.Td>{definition.label}</Table.Td>
                  <Table.Td>
                    <code>{definition.name}</code>
                  </Table.Td>
                  <Table.Td>{customFieldTypeLabels[definition.fieldType]}</Table.Td>
                  <Table.Td>{definition.required ? <Badge color="indigo.9">Required</Badge> : 'No'}</Table.Td>
                  <Table.Td>{definition.choices?.join(', ') ?? '—'}</Table.Td>
                  <Table.Td>{definition.position}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden="true" />}
                          onClick={() => setEditing(definition)}
                          aria-label={`Edit ${definition.label}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden="true" />}
                          onClick={() => setDeleting(definition)}
                          aria-label={`Delete ${definition.label}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <FieldDialog definition={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this field?"
        centered
      >
        <Stack>
          <Text>“{deleting?.label}” and every user's value of it are deleted. This cannot be undone.</Text>
          {remove.error ? (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'teal',
                      closeButtonProps: { 'aria-label': 'Close the notification' },
                      // No title: Mantine greys the message under a title below AA contrast.
                      message: `“${deleting.label}” was deleted.`,
                    });
                    setDeleting(null);
                  },
                })
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

function FieldDialog({
  definition,
  onClose,
}: {
  definition: CustomFieldDefinition | null;
  onClose: () => void;
}) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [draft, setDraft] = useState<Draft>(() =>
    definition
      ? {
          name: definition.name,
          label: definition.label,
          fieldType: definition.fieldType,
          required: definition.required,
          choices: (definition.choices ?? []).join('\n'),
          position: definition.position,
        }
      : emptyDraft,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = () => {
    const choices =
      draft.fieldType === 'choice'
        ? draft.choices
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : null;
    const attributes = {
      name: draft.name.trim(),
      label: draft.label.trim(),
      fieldType: draft.fieldType,
      required: draft.required,
      choices,
      ...(draft.position === '' ? {} : { position: draft.position }),
    };
    const parsed = customFieldDefinitionSchema.safeParse(attributes);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (!(key in found)) found[key] = issue.message;
      }
      setErrors(found);
      return;
    }
    if (draft.fieldType === 'choice' && (choices ?? []).length === 0) {
      setErrors({ choices: 'A choice list needs at least one choice, one per line.' });
      return;
    }
    const options = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          closeButtonProps: { 'aria-label': 'Close the notification' },
          // No title: Mantine greys the message under a title below AA contrast.
          message: `“${attributes.label}” was saved.`,
        });
        onClose();
      },
      onError: (error: Error) => {
        const found = fieldErrors(error);
        const byField: Record<string, string> = {};
        for (const [key, message] of Object.entries(found)) byField[key.split('.')[0] ?? key] ??= message;
        if (Object.keys(byField).length > 0) setErrors(byField);
        else setFailure(error.message);
      },
    };
    if (definition) {
      const { name: _name, fieldType: _fieldType, ...changes } = attributes;
      update.mutate({ id: definition.id, attributes: changes }, options);
    } else {
      create.mutate(attributes, options);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={definition ? `Edit “${definition.label}”` : 'Add Field'}
      centered
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Label"
            required
            value={draft.label}
            onChange={(event) => set('label', event.currentTarget.value)}
            error={errors.label}
            data-autofocus
          />
          <TextInput
            label="Name"
            description="The machine name used by the API, like shirt_size. It cannot be changed later."
            required
            disabled={definition !== null}
            value={draft.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label="Type"
            required
            disabled={definition !== null}
            data={customFieldTypes.map((type) => ({ value: type, label: customFieldTypeLabels[type] }))}
            value={draft.fieldType}
            onChange={(value) => set('fieldType', (value as CustomFieldKind | null) ?? 'text')}
            allowDeselect={false}
            error={errors.fieldType}
          />
          {draft.fieldType === 'choice' ? (
            <Textarea
              label="Choices"
              description="One choice per line"
              required
              autosize
              minRows={3}
              value={draft.choices}
              onChange={(event) => set('choices', event.currentTarget.value)}
              error={errors.choices}
            />
          ) : null}
          <Checkbox
            label="Required"
            checked={draft.required}
            onChange={(event) => set('required', event.currentTarget.checked)}
          />
          <NumberInput
            label="Position"
            description="Fields are shown in this order"
            min={0}
            max={10000}
            allowDecimal={false}
            value={draft.position}
            onChange={(value) => set('position', typeof value === 'number' ? value : '')}
            error={errors.position}
          />
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
