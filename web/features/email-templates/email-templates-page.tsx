import { Alert, Button, Code, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmailTemplateInput, emailTemplateSchema, templateVariables } from '../../../common/emails';
import { ApiError } from '../../app/api';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { validateWith } from '../../ui/form';
import { FormDialog } from '../../ui/form-dialog';
import { useFormatter } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { EditDeleteButtons } from '../../ui/row-actions';
import {
  type EmailTemplateList,
  type EmailTemplateResource,
  useDeleteEmailTemplate,
  useEmailTemplateList,
  useSaveEmailTemplate,
} from './api';
import '../../i18n/lazy/email-templates';

// The editor (Tiptap) loads with the dialog, never with the list.
const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

/** A variable's description in the catalog (`variables.recipient.firstName` …). */
type VariableKey = {
  [G in keyof typeof templateVariables]: `variables.${G}.${(typeof templateVariables)[G][number]}`;
}[keyof typeof templateVariables];

/** Every variable as written in a template, `recipient.firstName` … */
const variableNames = Object.entries(templateVariables).flatMap(([group, names]) =>
  names.map((name) => `${group}.${name}` as const),
);

/**
 * **Email Templates** (`/settings/email-templates`): the organization's templates that Send Email's
 * **Template** inserts — list, **Add Template**, **Edit**, **Delete** — for those the list's
 * `meta.abilities` lets manage them (`email_templates.manage`).
 */
export function EmailTemplatesPage() {
  const { t } = useTranslation('emailTemplates');
  const templates = useEmailTemplateList();
  const [editing, setEditing] = useState<EmailTemplateResource | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EmailTemplateResource | null>(null);
  // Whoever may send email reads the list too, but this page is for those who manage it.
  const forbidden =
    (templates.error instanceof ApiError && templates.error.status === 403) ||
    (templates.data !== undefined && !templates.data.abilities.create);
  if (forbidden) {
    return (
      <Page title={t('page.title')}>
        <Alert color="gray" role="alert">
          {t('page.forbidden')}
        </Alert>
      </Page>
    );
  }
  return (
    <Page
      title={t('page.title')}
      actions={
        templates.data?.abilities.create ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('page.add')}
          </Button>
        ) : null
      }
    >
      <Text c="gray.8">{t('page.intro')}</Text>
      {templates.isPending ? (
        <PageLoader label={t('page.loading')} />
      ) : templates.isError ? (
        <Alert color="red" role="alert">
          {templates.error.message}
        </Alert>
      ) : templates.data.templates.length === 0 ? (
        <Text>{t('page.empty')}</Text>
      ) : (
        <TemplatesTable list={templates.data} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing ? (
        <TemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <DeleteTemplateDialog template={deleting} onClose={() => setDeleting(null)} />
    </Page>
  );
}

function TemplatesTable({
  list: { templates, abilities },
  onEdit,
  onDelete,
}: {
  list: EmailTemplateList;
  onEdit: (template: EmailTemplateResource) => void;
  onDelete: (template: EmailTemplateResource) => void;
}) {
  const { t } = useTranslation('emailTemplates');
  const format = useFormatter();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('page.name')}</Table.Th>
            <Table.Th>{t('page.subject')}</Table.Th>
            <Table.Th>{t('page.updated')}</Table.Th>
            <Table.Th>{t('page.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => (
            <Table.Tr key={template.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{template.attributes.name}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{template.attributes.subject}</Table.Td>
              <Table.Td>{format.dateTime(template.attributes.updatedAt)}</Table.Td>
              <Table.Td>
                <EditDeleteButtons
                  abilities={abilities}
                  editText={t('page.edit')}
                  editLabel={t('page.editNamed', { name: template.attributes.name })}
                  onEdit={() => onEdit(template)}
                  deleteText={t('page.delete')}
                  deleteLabel={t('page.deleteNamed', { name: template.attributes.name })}
                  onDelete={() => onDelete(template)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteTemplateDialog({
  template,
  onClose,
}: {
  template: EmailTemplateResource | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('emailTemplates');
  const remove = useDeleteEmailTemplate();
  // A failure of this deletion is not the next one's.
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
      opened={template !== null}
      onClose={close}
      title={t('remove.title')}
      centered
    >
      <Stack>
        <Text style={{ overflowWrap: 'anywhere' }}>
          {t('remove.text', { name: template?.attributes.name ?? '' })}
        </Text>
        <FailureAlert title={t('remove.failed')} message={remove.error?.message} />
        <DangerConfirmActions
          label={t('remove.confirm')}
          loading={remove.isPending}
          onCancel={close}
          onConfirm={() =>
            template &&
            remove.mutate(template.id, {
              onSuccess: () => {
                notifySuccess(null, t('remove.deleted', { name: template.attributes.name }));
                close();
              },
            })
          }
        />
      </Stack>
    </Modal>
  );
}

type Draft = { name: string; subject: string; body: string };

/** A template's body as editor HTML: a plain-text one (from the API) becomes paragraphs. */
function bodyAsHtml(body: EmailTemplateInput['body']): string {
  if (body.type === 'html') return body.content;
  const escaped = body.content.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped
    .split(/\r?\n\r?\n/)
    .map((paragraph) => `<p>${paragraph.replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

function toInput(draft: Draft): EmailTemplateInput {
  return {
    name: draft.name.trim(),
    subject: draft.subject.trim(),
    body: { type: 'html', content: draft.body },
  };
}

/** **Add Template** / **Edit “…”**: Name, Subject, Body (rich text) and the variables' help. */
function TemplateDialog({
  template,
  onClose,
}: {
  template: EmailTemplateResource | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('emailTemplates');
  const save = useSaveEmailTemplate();
  const check = validateWith(emailTemplateSchema, toInput);
  const form = useForm<Draft, EmailTemplateInput>({
    initialValues: template
      ? {
          name: template.attributes.name,
          subject: template.attributes.subject,
          body: bodyAsHtml(template.attributes.body),
        }
      : { name: '', subject: '', body: '<p></p>' },
    transformValues: toInput,
    // One message per field: `body.content` shows under Body.
    validate: (draft) => {
      const byField: Record<string, ReactNode> = {};
      for (const [key, message] of Object.entries(check(draft)))
        byField[key.split('.')[0] ?? key] ??= message;
      return byField;
    },
  });
  const bodyError = form.errors.body;
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={template ? t('dialog.editTitle', { name: template.attributes.name }) : t('dialog.addTitle')}
      failureTitle={t('dialog.notSaved')}
      form={form}
      size="xl"
      pointers={{ '/data/attributes/body': 'body' }}
      onSubmit={(attributes) => save.mutateAsync({ id: template?.id, attributes })}
      onSuccess={(_saved, attributes) => notifySuccess(null, t('dialog.saved', { name: attributes.name }))}
    >
      <TextInput
        label={t('dialog.name')}
        required
        maxLength={255}
        {...form.getInputProps('name')}
        data-autofocus
      />
      <TextInput label={t('dialog.subject')} required maxLength={998} {...form.getInputProps('subject')} />
      <Suspense fallback={<Loader size="sm" aria-label={t('dialog.loadingEditor')} />}>
        <RichTextEditor
          label={t('dialog.body')}
          value={form.values.body}
          version={0}
          onChange={(html) => form.setFieldValue('body', html)}
          error={typeof bodyError === 'string' ? bodyError : undefined}
        />
      </Suspense>
      <VariablesHelp />
    </FormDialog>
  );
}

/** The variables a template may use, each with what it is replaced by. */
function VariablesHelp() {
  const { t } = useTranslation('emailTemplates');
  return (
    <section aria-labelledby="email-template-variables">
      <Text id="email-template-variables" size="sm" fw={500}>
        {t('variables.title')}
      </Text>
      <Text size="sm" c="gray.8">
        {t('variables.intro')}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {variableNames.map((name) => (
            <Table.Tr key={name}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Code>{`{{ ${name} }}`}</Code>
              </Table.Td>
              <Table.Td>{t(`variables.${name}` as VariableKey)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="gray.8">
        {t('variables.unfilledNote')}
      </Text>
    </section>
  );
}
