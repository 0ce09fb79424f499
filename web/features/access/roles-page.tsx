import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  // What a role may grant: instance-wide powers belong to instance administrators, not roles.
  rolePermissions as allPermissions,
  type Permission,
  permissionLabels,
} from '../../../common/permissions';
import { ApiError, useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type Role, useRoles, useUpdateRolePermissions } from './api';

/**
 * `/roles` (`roles.manage`): the roles of my organization and what each may do, with the labels
 * of common/permissions.ts. Changes apply to the role's members on their next request.
 */
export function RolesPage() {
  const roles = useRoles();
  const [selected, setSelected] = useState<string | null>(null);
  if (roles.isPending) return <PageLoader label="Loading roles…" />;
  if (roles.isError) {
    return (
      <Page title="Roles">
        <Alert color="red" variant="outline" role="alert" title="The roles could not be loaded">
          {roles.error.message}
        </Alert>
      </Page>
    );
  }
  const active = selected ?? roles.data[0]?.id ?? null;
  return (
    <Page title="Roles">
      <Text c="dimmed">
        Choose what each role may do in this organization. Members get the change on their next page.
      </Text>
      <Tabs value={active} onChange={setSelected} keepMounted={false}>
        <Tabs.List>
          {roles.data.map((role) => (
            <Tabs.Tab key={role.id} value={role.id}>
              {role.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {roles.data.map((role) => (
          <Tabs.Panel key={role.id} value={role.id} pt="md">
            <RoleEditor role={role} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

function RoleEditor({ role }: { role: Role }) {
  const { data: me } = useCurrentUser();
  const update = useUpdateRolePermissions();
  const [granted, setGranted] = useState<Set<Permission>>(new Set(role.permissions));
  const [error, setError] = useState<string | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the saved role changes
  useEffect(() => setGranted(new Set(role.permissions)), [role.permissions.join(',')]);
  const mine = new Set(me?.permissions ?? []);
  // Without `roles.manage` the roles can be read (GET /api/roles) but not changed: no Save.
  const canManage = mine.has('roles.manage');
  const changed =
    granted.size !== role.permissions.length ||
    role.permissions.some((permission) => !granted.has(permission));

  const save = () => {
    setError(undefined);
    update.mutate(
      { id: role.id, permissions: allPermissions.filter((permission) => granted.has(permission)) },
      {
        onSuccess: () =>
          notifications.show({
            closeButtonProps: { 'aria-label': 'Close the notification' },
            color: 'green',
            title: 'Role saved',
            message: `The ${role.name} role was updated.`,
          }),
        onError: (failure) => setError(failure instanceof ApiError ? failure.message : String(failure)),
      },
    );
  };

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="md">
          <Group gap="xs">
            <Text fw={600}>{role.name}</Text>
            {role.isSystem ? <Badge variant="light">Built-in</Badge> : null}
          </Group>
          {error ? (
            <Alert color="red" variant="outline" role="alert" title="The role was not saved">
              {error}
            </Alert>
          ) : null}
          <Checkbox.Group
            label={`Permissions of the ${role.name} role`}
            value={allPermissions.filter((permission) => granted.has(permission))}
            onChange={(value) => setGranted(new Set(value as Permission[]))}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="xs">
              {allPermissions.map((permission) => (
                <Checkbox
                  key={permission}
                  value={permission}
                  label={permissionLabels[permission]}
                  description={
                    !canManage || mine.has(permission)
                      ? undefined
                      : 'You do not hold this permission yourself.'
                  }
                  disabled={!canManage || !mine.has(permission)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {canManage ? (
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!changed}
                onClick={() => setGranted(new Set(role.permissions))}
              >
                Cancel
              </Button>
              <Button type="submit" disabled={!changed} loading={update.isPending}>
                Save
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Changing a role needs the permission “{permissionLabels['roles.manage']}”.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
