import { Alert, Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationNameProblem } from '../../../common/identity';
import { errorText } from '../../i18n/error-text';
import { FormDialog } from '../../ui/form-dialog';
import { useFormatter } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type Organization, useCreateOrganization, useOrganizationList, useRenameOrganization } from './api';
import '../../i18n/lazy/organizations';

/** `/organizations`: my organizations; create one, rename one (as `meta.abilities` of the list allows). */
export function OrganizationsPage() {
  const { t } = useTranslation('organizations');
  const format = useFormatter();
  const organizations = useOrganizationList();
  // The session acts in the current organization: renaming another one needs switching to it first.
  const abilities = organizations.data?.abilities;
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  if (organizations.isPending) return <PageLoader label={t('loading')} />;
  return (
    <Page
      title={t('title')}
      actions={
        abilities?.create ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('create')}
          </Button>
        ) : undefined
      }
    >
      {organizations.isError ? (
        <Alert color="red" variant="outline" role="alert" title={t('loadFailed')}>
          {errorText(organizations.error)}
        </Alert>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('createdColumn')}</Table.Th>
                {abilities?.rename ? (
                  <Table.Th>
                    <Text span size="sm" fw={600}>
                      {t('actions')}
                    </Text>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organizations.data.organizations.map((organization) => (
                <Table.Tr key={organization.id}>
                  <Table.Td>
                    <Group gap="xs">
                      {organization.name}
                      {organization.current ? <Badge variant="light">{t('current')}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.date(organization.createdAt)}</Table.Td>
                  {abilities?.rename ? (
                    <Table.Td>
                      {organization.current ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(organization)}
                          aria-label={t('rename.labelFor', { name: organization.name })}
                        >
                          {t('rename.button')}
                        </Button>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('rename.switchFirst')}
                        </Text>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <OrganizationDialog
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        organization={editing}
        onClose={() => setEditing(null)}
      />
    </Page>
  );
}

function OrganizationDialog({
  organization,
  onClose,
}: {
  organization: Organization | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('organizations');
  const isNew = organization === 'new';
  const create = useCreateOrganization();
  const rename = useRenameOrganization();
  const form = useForm({
    initialValues: { name: organization && organization !== 'new' ? organization.name : '' },
    transformValues: (values) => ({ name: values.name.trim() }),
    validate: { name: (value) => organizationNameProblem(value.trim()) },
  });

  return (
    <FormDialog
      opened={organization !== null}
      onClose={onClose}
      title={isNew ? t('create') : t('rename.title')}
      failureTitle={t('notSaved')}
      size="md"
      form={form}
      onSubmit={async ({ name }) => {
        if (isNew) return t('created', { name: (await create.mutateAsync(name)).name });
        if (!organization) throw new Error('No organization to rename.');
        return t('renamed', { name: (await rename.mutateAsync({ id: organization.id, name })).name });
      }}
      onSuccess={(message) => notifySuccess(t('saved'), message)}
    >
      <TextInput label={t('name')} required {...form.getInputProps('name')} data-autofocus />
    </FormDialog>
  );
}
