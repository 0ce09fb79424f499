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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomFieldDefinitionInput,
  type CustomFieldKind,
  customFieldDefinitionSchema,
  customFieldTypeLabels,
  customFieldTypes,
} from '../../../common/profile';
import { validateWith } from '../../ui/form';
import { FormDialog } from '../../ui/form-dialog';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { EditDeleteButtons } from '../../ui/row-actions';
import type { CustomFieldDefinition } from '../users/api';
import {
  type CustomFieldList,
  useCreateCustomField,
  useCustomFieldList,
  useDeleteCustomField,
  useUpdateCustomField,
} from './api';
import '../../i18n/lazy/custom-fields';

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
 * **Custom User Fields** (`/settings/custom-fields`): the fields of the Additional section of every
 * user's profile in this organization; added, edited and deleted as `meta.abilities` of the list
 * allows (`custom_fields.manage`).
 */
export function CustomFieldsPage() {
  const { t } = useTranslation(['customFields', 'common']);
  const list = useCustomFieldList();
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomFieldDefinition | null>(null);
  const abilities = list.data?.abilities;

  return (
    <Page
      title={t('page.title')}
      actions={
        abilities?.create ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('page.add')}
          </Button>
        ) : null
      }
    >
      <Text c="gray.8">{t('page.explain')}</Text>
      {abilities && !abilities.update ? (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('page.readOnly')}
        </Alert>
      ) : null}
      {list.isPending ? (
        <PageLoader label={t('page.loading')} />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      ) : list.data.definitions.length === 0 ? (
        <Text>{t('page.empty')}</Text>
      ) : (
        <FieldsTable list={list.data} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing ? (
        <FieldDialog definition={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <DeleteFieldDialog definition={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}

function FieldsTable({
  list: { definitions, abilities },
  onEdit,
  onDelete,
}: {
  list: CustomFieldList;
  onEdit: (definition: CustomFieldDefinition) => void;
  onDelete: (definition: CustomFieldDefinition) => void;
}) {
  const { t } = useTranslation('customFields');
  const hasActions = abilities.update || abilities.delete;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('page.columns.label')}</Table.Th>
            <Table.Th>{t('page.columns.name')}</Table.Th>
            <Table.Th>{t('page.columns.type')}</Table.Th>
            <Table.Th>{t('page.columns.required')}</Table.Th>
            <Table.Th>{t('page.columns.choices')}</Table.Th>
            <Table.Th>{t('page.columns.position')}</Table.Th>
            {hasActions ? <Table.Th>{t('page.columns.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {definitions.map((definition) => (
            <Table.Tr key={definition.id}>
              <Table.Td>{definition.label}</Table.Td>
              <Table.Td>
                <code>{definition.name}</code>
              </Table.Td>
              <Table.Td>{customFieldTypeLabels[definition.fieldType]}</Table.Td>
              <Table.Td>
                {definition.required ? (
                  <Badge color="indigo.9">{t('page.required')}</Badge>
                ) : (
                  t('page.notRequired')
                )}
              </Table.Td>
              <Table.Td>{definition.choices?.join(', ') ?? '—'}</Table.Td>
              <Table.Td>{definition.position}</Table.Td>
              {hasActions ? (
                <Table.Td>
                  <EditDeleteButtons
                    abilities={abilities}
                    editText={t('page.edit')}
                    editLabel={t('page.editNamed', { label: definition.label })}
                    onEdit={() => onEdit(definition)}
                    deleteText={t('page.delete')}
                    deleteLabel={t('page.deleteNamed', { label: definition.label })}
                    onDelete={() => onDelete(definition)}
                  />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteFieldDialog({
  definition,
  onClose,
}: {
  definition: CustomFieldDefinition | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['customFields', 'common']);
  const remove = useDeleteCustomField();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={definition !== null}
      onClose={onClose}
      title={t('delete.title')}
      centered
    >
      <Stack>
        <Text>{t('delete.explain', { label: definition?.label ?? '' })}</Text>
        {remove.error ? (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              definition &&
              remove.mutate(definition.id, {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    closeButtonProps: { 'aria-label': t('common:actions.closeNotification') },
                    // No title: Mantine greys the message under a title below AA contrast.
                    message: t('delete.deleted', { label: definition.label }),
                  });
                  onClose();
                },
              })
            }
          >
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What POST sends from the dialog's values: trimmed text, choices one per line (null unless a choice list). */
function toAttributes(draft: Draft): CustomFieldDefinitionInput {
  return {
    name: draft.name.trim(),
    label: draft.label.trim(),
    fieldType: draft.fieldType,
    required: draft.required,
    choices:
      draft.fieldType === 'choice'
        ? draft.choices
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : null,
    ...(draft.position === '' ? {} : { position: draft.position }),
  };
}

function FieldDialog({
  definition,
  onClose,
}: {
  definition: CustomFieldDefinition | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('customFields');
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const checkSchema = validateWith(customFieldDefinitionSchema, toAttributes, (draft) => ({
    choices:
      draft.fieldType === 'choice' && toAttributes(draft).choices?.length === 0
        ? t('dialog.choicesRequired')
        : null,
  }));
  const form = useForm<Draft, CustomFieldDefinitionInput>({
    initialValues: definition
      ? {
          name: definition.name,
          label: definition.label,
          fieldType: definition.fieldType,
          required: definition.required,
          choices: (definition.choices ?? []).join('\n'),
          position: definition.position,
        }
      : emptyDraft,
    transformValues: toAttributes,
    // One message per field: a bad line of Choices shows under Choices.
    validate: (draft) => {
      const byField: Record<string, ReactNode> = {};
      for (const [key, message] of Object.entries(checkSchema(draft)))
        byField[key.split('.')[0] ?? key] ??= message;
      return byField;
    },
  });
  const fieldType = form.values.fieldType;

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={definition ? t('dialog.editTitle', { label: definition.label }) : t('dialog.addTitle')}
      failureTitle={t('dialog.notSaved')}
      form={form}
      pointers={{ '/data/attributes/choices': 'choices' }}
      onSubmit={async (attributes) => {
        if (!definition) return create.mutateAsync(attributes);
        const { name: _name, fieldType: _fieldType, ...changes } = attributes;
        return update.mutateAsync({ id: definition.id, attributes: changes });
      }}
      onSuccess={(_saved, attributes) => notifySuccess(null, t('dialog.saved', { label: attributes.label }))}
    >
      <TextInput label={t('dialog.label')} required {...form.getInputProps('label')} data-autofocus />
      <TextInput
        label={t('dialog.name')}
        description={t('dialog.nameDescription')}
        required
        disabled={definition !== null}
        {...form.getInputProps('name')}
      />
      <Select
        label={t('dialog.type')}
        required
        disabled={definition !== null}
        data={customFieldTypes.map((type) => ({ value: type, label: customFieldTypeLabels[type] }))}
        {...form.getInputProps('fieldType')}
        onChange={(value) => form.setFieldValue('fieldType', (value as CustomFieldKind | null) ?? 'text')}
        allowDeselect={false}
      />
      {fieldType === 'choice' ? (
        <Textarea
          label={t('dialog.choices')}
          description={t('dialog.choicesDescription')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('choices')}
        />
      ) : null}
      <Checkbox label={t('dialog.required')} {...form.getInputProps('required', { type: 'checkbox' })} />
      <NumberInput
        label={t('dialog.position')}
        description={t('dialog.positionDescription')}
        min={0}
        max={10000}
        allowDecimal={false}
        {...form.getInputProps('position')}
        onChange={(value) => form.setFieldValue('position', typeof value === 'number' ? value : '')}
      />
    </FormDialog>
  );
}
