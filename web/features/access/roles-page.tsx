import { Alert, Badge, Checkbox, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  // What a role may grant: instance-wide powers belong to instance administrators, not roles.
  rolePermissions as allPermissions,
  type Permission,
} from '../../../common/permissions';
import { useCurrentUser } from '../../app/api';
import { errorText } from '../../i18n/error-text';
import { FailureAlert } from '../../ui/feedback';
import { FormFooter } from '../../ui/form-dialog';
import { usePermissionLabel } from '../../ui/labels';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { routeServerErrors } from '../../ui/server-errors';
import { type Role, useRoleList, useUpdateRolePermissions } from './api';
import '../../i18n/lazy/access';

/**
 * `/roles`: the roles of my organization and what each may do, with the labels of
 * common/permissions.ts; changed as `meta.abilities` of the list allows (`roles.manage`). Changes
 * apply to the role's members on their next request.
 */
export function RolesPage() {
  const { t } = useTranslation('access');
  const roles = useRoleList();
  const [selected, setSelected] = useState<string | null>(null);
  if (roles.isPending) return <PageLoader label={t('roles.loading')} />;
  if (roles.isError) {
    return (
      <Page title={t('roles.title')}>
        <Alert color="red" variant="outline" role="alert" title={t('roles.loadFailed')}>
          {errorText(roles.error)}
        </Alert>
      </Page>
    );
  }
  const { roles: list, abilities } = roles.data;
  const active = selected ?? list[0]?.id ?? null;
  return (
    <Page title={t('roles.title')}>
      <Text c="dimmed">{t('roles.intro')}</Text>
      <Tabs value={active} onChange={setSelected} keepMounted={false}>
        <Tabs.List>
          {list.map((role) => (
            <Tabs.Tab key={role.id} value={role.id}>
              {role.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {list.map((role) => (
          <Tabs.Panel key={role.id} value={role.id} pt="md">
            <RoleEditor role={role} canChange={abilities.update} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

/** One role's permissions; without `canChange` they can be read (GET /api/roles) but not saved. */
function RoleEditor({ role, canChange }: { role: Role; canChange: boolean }) {
  const { t } = useTranslation('access');
  const { data: me } = useCurrentUser();
  const permissionLabel = usePermissionLabel();
  const update = useUpdateRolePermissions();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { permissions: granted(role.permissions) } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the saved role changes
  useEffect(() => {
    form.setInitialValues({ permissions: granted(role.permissions) });
    form.reset();
  }, [role.permissions.join(',')]);
  // Nobody grants or takes away a permission they do not hold: those are shown, not offered.
  const mine = new Set(me?.permissions ?? []);
  const changed = form.isDirty();

  const save = form.onSubmit(async (values) => {
    setError(null);
    try {
      await update.mutateAsync({ id: role.id, permissions: values.permissions });
    } catch (failure) {
      const routed = routeServerErrors(failure, ['permissions']);
      form.setErrors(routed.fields);
      setError(routed.form);
      return;
    }
    notifySuccess(t('roles.saved'), t('roles.savedMessage', { name: role.name }));
  });

  return (
    <Paper withBorder p="lg">
      <form noValidate onSubmit={save}>
        <Stack gap="md">
          <Group gap="xs">
            <Text fw={600}>{role.name}</Text>
            {role.isSystem ? <Badge variant="light">{t('roles.builtIn')}</Badge> : null}
          </Group>
          <FailureAlert title={t('roles.notSaved')} message={error} />
          <Checkbox.Group
            label={t('roles.permissionsOf', { name: role.name })}
            {...form.getInputProps('permissions')}
            onChange={(value) => form.setFieldValue('permissions', granted(value))}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="xs">
              {allPermissions.map((permission) => (
                <Checkbox
                  key={permission}
                  value={permission}
                  label={permissionLabel(permission)}
                  description={!canChange || mine.has(permission) ? undefined : t('roles.notHeld')}
                  disabled={!canChange || !mine.has(permission)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {canChange ? (
            <FormFooter
              onCancel={form.reset}
              cancelDisabled={!changed}
              submitDisabled={!changed}
              submitting={form.submitting}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('roles.needsPermission', { permission: permissionLabel('roles.manage') })}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The granted permissions in the catalog's order (so the form's dirty check ignores order). */
function granted(permissions: readonly string[]): Permission[] {
  return allPermissions.filter((permission) => permissions.includes(permission));
}
