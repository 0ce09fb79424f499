import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { organizationNameProblem } from '../../../common/identity';
import { fieldErrors, useCurrentUser } from '../../app/api';
import { useFormatter } from '../../ui/format';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type Organization, useCreateOrganization, useMyOrganizations, useRenameOrganization } from './api';

/** `/organizations` (`organizations.manage`): my organizations; create one, rename one. */
export function OrganizationsPage() {
  const format = useFormatter();
  const organizations = useMyOrganizations();
  // Creating and renaming need `organizations.manage`; the session's permissions are those of the
  // current organization, and renaming another one needs it there (switch to it first).
  const { data: me } = useCurrentUser();
  const canManage = me?.permissions.includes('organizations.manage') ?? false;
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  if (organizations.isPending) return <PageLoader label="Loading organizations…" />;
  return (
    <Page
      title="Organizations"
      actions={
        canManage ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            Create Organization
          </Button>
        ) : undefined
      }
    >
      {organizations.isError ? (
        <Alert color="red" variant="outline" role="alert" title="The organizations could not be loaded">
          {organizations.error.message}
        </Alert>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Created</Table.Th>
                {canManage ? (
                  <Table.Th>
                    <Text span size="sm" fw={600}>
                      Actions
                    </Text>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organizations.data.map((organization) => (
                <Table.Tr key={organization.id}>
                  <Table.Td>
                    <Group gap="xs">
                      {organization.name}
                      {organization.current ? <Badge variant="light">Current</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.date(organization.createdAt)}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      {organization.current ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(organization)}
                          aria-label={`Rename ${organization.name}`}
                        >
                          Rename
                        </Button>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          Switch to it to rename it
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
  const isNew = organization === 'new';
  const [name, setName] = useState(organization && organization !== 'new' ? organization.name : '');
  const [error, setError] = useState<string | undefined>();
  const create = useCreateOrganization();
  const rename = useRenameOrganization();
  const pending = create.isPending || rename.isPending;

  const save = () => {
    const problem = organizationNameProblem(name.trim());
    if (problem) return setError(problem);
    const done = (message: string) => {
      notifications.show({
        closeButtonProps: { 'aria-label': 'Close the notification' },
        color: 'green',
        title: 'Saved',
        message,
      });
      onClose();
    };
    const failed = (failure: Error) => setError(fieldErrors(failure).name ?? failure.message);
    if (isNew) {
      create.mutate(name.trim(), {
        onSuccess: (created) => done(`${created.name} was created. You are its Administrator.`),
        onError: failed,
      });
    } else if (organization) {
      rename.mutate(
        { id: organization.id, name: name.trim() },
        { onSuccess: (renamed) => done(`The organization is now called ${renamed.name}.`), onError: failed },
      );
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={organization !== null}
      onClose={onClose}
      title={isNew ? 'Create Organization' : 'Rename Organization'}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
