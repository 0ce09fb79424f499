import { Anchor, Checkbox, Group, MultiSelect, PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type NewUserAttributes, newUserAttributesSchema } from '../../../common/identity';
import { generatePassword } from '../../../common/password-generator';
import { validateWith } from '../../ui/form';
import { FormDialog } from '../../ui/form-dialog';
import { notifySuccess } from '../../ui/notify';
import { useRoles } from '../access/api';
import { usePasswordPolicy } from '../passwords/api';
import { PasswordRulesButton } from '../passwords/password-help';
import { useCreateUser } from './admin-api';
import '../../i18n/lazy/users';
import { paths, pathTo } from '../../../common/paths';

type FormValues = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  /** `null` until the administrator picks roles: the organization's "User" role is preselected. */
  roleIds: string[] | null;
  mustChangePassword: boolean;
};

const initialValues: FormValues = {
  username: '',
  email: '',
  firstName: '',
  lastName: '',
  password: '',
  roleIds: null,
  mustChangePassword: true,
};

/** What `POST /api/users` receives from the form: trimmed names, the password as typed. */
function toAttributes(values: FormValues): NewUserAttributes {
  return {
    username: values.username.trim(),
    email: values.email.trim(),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    password: values.password,
    mustChangePassword: values.mustChangePassword,
  };
}

/**
 * **Create User** (users grid, `users.create`): Username, Primary Email, First Name, Last Name,
 * Password (with **Suggest Password**), Roles, and whether the user must change the password at
 * the first sign-in (yes by default: an administrator-set password is an initial secret).
 */
export function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const roles = useRoles();
  const policy = usePasswordPolicy();
  const createUser = useCreateUser();
  const navigate = useNavigate();
  const [visible, setVisible] = useState(false);
  const form = useForm({
    initialValues,
    validate: validateWith(newUserAttributesSchema, toAttributes, (values) => ({
      password: values.password ? null : t('create.passwordRequired'),
    })),
  });
  const defaultRoleIds = (roles.data ?? []).filter((role) => role.name === 'User').map((role) => role.id);
  const roleIds = form.values.roleIds ?? defaultRoleIds;

  return (
    <FormDialog
      opened={opened}
      onClose={() => {
        setVisible(false);
        createUser.reset();
        onClose();
      }}
      title={t('create.title')}
      failureTitle={t('create.failed')}
      form={form}
      pointers={{ '/data/relationships/roles': 'roleIds' }}
      onSubmit={(values) => createUser.mutateAsync({ ...toAttributes(values), roleIds })}
      onSuccess={(id, values) => {
        notifySuccess(t('create.created'), t('create.createdMessage', { username: values.username.trim() }));
        navigate(pathTo(paths.user, { id }));
      }}
    >
      <TextInput
        label={t('create.username')}
        required
        autoComplete="off"
        {...form.getInputProps('username')}
        data-autofocus
      />
      <TextInput
        label={t('create.primaryEmail')}
        type="email"
        required
        autoComplete="off"
        {...form.getInputProps('email')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('create.firstName')} required {...form.getInputProps('firstName')} />
        <TextInput label={t('create.lastName')} required {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <div>
        <PasswordInput
          label={t('create.password')}
          required
          autoComplete="new-password"
          visible={visible}
          onVisibilityChange={setVisible}
          {...form.getInputProps('password')}
        />
        <Group gap="xs" mt={4}>
          <PasswordRulesButton />
          <Anchor
            component="button"
            type="button"
            size="sm"
            disabled={!policy.data}
            onClick={() => {
              if (!policy.data) return;
              form.setFieldValue('password', generatePassword(policy.data));
              setVisible(true);
            }}
          >
            {t('create.suggestPassword')}
          </Anchor>
        </Group>
      </div>
      <MultiSelect
        label={t('create.roles')}
        data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
        {...form.getInputProps('roleIds')}
        value={roleIds}
        disabled={roles.isPending}
        placeholder={roleIds.length === 0 ? t('create.noRoles') : undefined}
      />
      <Checkbox
        label={t('create.mustChangePassword')}
        {...form.getInputProps('mustChangePassword', { type: 'checkbox' })}
      />
    </FormDialog>
  );
}
