import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { newUserAttributesSchema } from '../../../common/identity';
import { generatePassword } from '../../../common/password-generator';
import { ApiError, fieldErrors } from '../../app/api';
import { FailureAlert } from '../../ui/feedback';
import { useRoles } from '../access/api';
import { usePasswordPolicy } from '../passwords/api';
import { PasswordRulesButton } from '../passwords/password-help';
import { useCreateUser } from './admin-api';

type FormValues = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  roleIds: string[];
  mustChangePassword: boolean;
};

type FieldName = keyof FormValues;

const empty = (defaultRoleIds: string[]): FormValues => ({
  username: '',
  email: '',
  firstName: '',
  lastName: '',
  password: '',
  roleIds: defaultRoleIds,
  mustChangePassword: true,
});

/**
 * **Create User** (users grid, `users.create`): Username, Primary Email, First Name, Last Name,
 * Password (with **Suggest Password**), Roles, and whether the user must change the password at
 * the first sign-in (yes by default: an administrator-set password is an initial secret).
 */
export function CreateUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const roles = useRoles();
  const policy = usePasswordPolicy();
  const createUser = useCreateUser();
  const navigate = useNavigate();
  const defaultRoleIds = (roles.data ?? []).filter((role) => role.name === 'User').map((role) => role.id);
  const [values, setValues] = useState<FormValues>(() => empty([]));
  const [touchedRoles, setTouchedRoles] = useState(false);
  const [visible, setVisible] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const roleIds = touchedRoles ? values.roleIds : defaultRoleIds;

  const set = <K extends FieldName>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const close = () => {
    setValues(empty([]));
    setTouchedRoles(false);
    setVisible(false);
    setErrors({});
    setFormError(undefined);
    createUser.reset();
    onClose();
  };

  const submit = () => {
    const attributes = {
      username: values.username.trim(),
      email: values.email.trim(),
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      password: values.password,
      mustChangePassword: values.mustChangePassword,
    };
    // The same rules as the server, so most mistakes show before sending.
    const checked = newUserAttributesSchema.safeParse(attributes);
    if (!checked.success) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as FieldName;
        found[field] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    if (!attributes.password) {
      setErrors({ password: 'Type a password or click Suggest Password.' });
      return;
    }
    createUser.mutate(
      { ...checked.data, roleIds },
      {
        onSuccess: (id) => {
          notifications.show({
            closeButtonProps: { 'aria-label': 'Close the notification' },
            color: 'green',
            title: 'User created',
            message: `${attributes.username} can now sign in.`,
          });
          close();
          navigate(`/users/${encodeURIComponent(id)}`);
        },
        onError: (error) => {
          const byField = fieldErrors(error) as Partial<Record<FieldName, string>>;
          const roleError =
            error instanceof ApiError
              ? error.errors.find((item) => item.source?.pointer?.startsWith('/data/relationships/roles'))
              : undefined;
          if (roleError) byField.roleIds = roleError.detail;
          setErrors(byField);
          if (Object.keys(byField).length === 0) setFormError(error.message);
        },
      },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={close}
      title="Create User"
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <FailureAlert title="The user was not created" message={formError} />
          <TextInput
            label="Username"
            required
            autoComplete="off"
            value={values.username}
            onChange={(event) => set('username', event.currentTarget.value)}
            error={errors.username}
            data-autofocus
          />
          <TextInput
            label="Primary Email"
            type="email"
            required
            autoComplete="off"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="First Name"
              required
              value={values.firstName}
              onChange={(event) => set('firstName', event.currentTarget.value)}
              error={errors.firstName}
            />
            <TextInput
              label="Last Name"
              required
              value={values.lastName}
              onChange={(event) => set('lastName', event.currentTarget.value)}
              error={errors.lastName}
            />
          </SimpleGrid>
          <div>
            <PasswordInput
              label="Password"
              required
              autoComplete="new-password"
              visible={visible}
              onVisibilityChange={setVisible}
              value={values.password}
              onChange={(event) => set('password', event.currentTarget.value)}
              error={errors.password}
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
                  set('password', generatePassword(policy.data));
                  setVisible(true);
                }}
              >
                Suggest Password
              </Anchor>
            </Group>
          </div>
          <MultiSelect
            label="Roles"
            data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
            value={roleIds}
            onChange={(next) => {
              setTouchedRoles(true);
              set('roleIds', next);
            }}
            error={errors.roleIds}
            disabled={roles.isPending}
            placeholder={roleIds.length === 0 ? 'No roles' : undefined}
          />
          <Checkbox
            label="The user must change the password at the next sign-in"
            checked={values.mustChangePassword}
            onChange={(event) => set('mustChangePassword', event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
