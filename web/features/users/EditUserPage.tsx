import { Alert, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { permissionLabels } from '../../../common/permissions';
import { userProfileUpdateSchema } from '../../../common/profile';
import { ApiError, fieldErrors, useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { PasswordSection, usePasswordSectionForm } from '../passwords/password-section';
import { useSettings } from '../settings/api';
import {
  type CustomFieldDefinition,
  type UserResource,
  useCustomFields,
  useRemoveAvatar,
  useUpdateUser,
  useUploadAvatar,
  useUser,
} from './api';
import { AdditionalSection } from './edit-additional';
import { type AvatarChange, GeneralSection } from './edit-general';
import { changedAttributes, customFieldErrors, type ProfileValues, valuesOf } from './edit-values';
import { formatPersonName, useViewerLocale, useViewerTimeZone } from './format';
import { userPaths } from './paths';

/** `/users/:id/edit`: an administrator edits a user. */
export function EditUserPage() {
  const { id = 'me' } = useParams();
  return <EditUser userId={id} />;
}

/** `/my-user/edit`: **Edit My User**. */
export function MyUserEditPage() {
  return <EditUser userId="me" />;
}

function EditUser({ userId }: { userId: string }) {
  const { data: me } = useCurrentUser();
  const user = useUser(userId);
  const definitions = useCustomFields();
  // The viewer's locale and time zone decide how dates are written and read: wait for them, so a
  // direct load never shows the browser's format first.
  const settings = useSettings('user');
  if (user.isPending || definitions.isPending || settings.isPending || !me) {
    return <PageLoader label="Loading the profile…" />;
  }
  if (user.isError || definitions.isError) {
    return (
      <Page title="Edit User">
        <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title="This user cannot be edited">
          {(user.error ?? definitions.error)?.message}
        </Alert>
      </Page>
    );
  }
  const isSelf = user.data.id === me.id;
  // Editing needs `update_own_profile` for oneself, `users.edit` for anyone else (as the server says).
  const needed = isSelf ? 'update_own_profile' : 'users.edit';
  if (!me.permissions.includes(needed)) {
    return (
      <Page title={isSelf ? 'Edit My User' : 'Edit User'}>
        <Alert color="gray" variant="outline" title="Not available to you">
          Editing this profile needs the permission “{permissionLabels[needed]}”.
        </Alert>
      </Page>
    );
  }
  return (
    <EditUserForm
      user={user.data}
      definitions={definitions.data}
      isSelf={isSelf}
      organizationName={me.organization?.name}
      reload={async () => (await user.refetch()).data}
    />
  );
}

type Tab = 'general' | 'additional' | 'password';

const GENERAL_FIELDS = new Set([
  'username',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'birthday',
  'avatar',
  'email',
  'currentPassword',
  'additionalEmails',
  'phone',
]);

function EditUserForm({
  user,
  definitions,
  isSelf,
  organizationName,
  reload,
}: {
  user: UserResource;
  definitions: CustomFieldDefinition[];
  isSelf: boolean;
  organizationName: string | undefined;
  reload: () => Promise<UserResource | undefined>;
}) {
  const locale = useViewerLocale();
  const timeZone = useViewerTimeZone();
  const navigate = useNavigate();
  const userId = isSelf ? 'me' : user.id;
  const update = useUpdateUser(userId);
  const uploadAvatar = useUploadAvatar(userId);
  const removeAvatar = useRemoveAvatar(userId);
  const [baseline, setBaseline] = useState<ProfileValues>(() => valuesOf(user));
  const [values, setValues] = useState<ProfileValues>(baseline);
  const [etag, setEtag] = useState(user.meta.etag);
  const [avatarUrl, setAvatarUrl] = useState(user.links.avatar ?? null);
  const [avatar, setAvatar] = useState<AvatarChange>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Problems found while typing (a date that is no date or out of range, a malformed phone), by
  // form key: Save is refused while any is here.
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const setFieldProblem = (key: string, problem: string | null) => {
    setFieldProblems(({ [key]: _previous, ...rest }) => (problem ? { ...rest, [key]: problem } : rest));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [tab, setTab] = useState<Tab>('general');
  const leaving = useRef(false);
  const password = usePasswordSectionForm({
    userId: 'me',
    context: {
      username: values.username,
      email: values.email,
      firstName: values.firstName,
      lastName: values.lastName,
      organizationName,
    },
  });

  const attributes = changedAttributes(values, baseline, isSelf);
  const isDirty = Object.keys(attributes).length > 0 || avatar !== null || (isSelf && password.isDirty);

  // Leaving with unsaved changes asks first: links inside the app, and closing or reloading the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const setField = <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(next))
        if (key === field || key.startsWith(`${String(field)}.`)) delete next[key];
      return next;
    });
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const keys = Object.keys(found);
    if (keys.some((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''))) setTab('general');
    else if (keys.some((key) => key.startsWith('customFields'))) setTab('additional');
  };

  const viewPath = isSelf ? userPaths.myUser : userPaths.view(user.id);

  async function save(close: boolean) {
    setFormError(null);
    setIsStale(false);
    const local = { ...validate(attributes, definitions, values), ...fieldProblems };
    if (Object.keys(local).length > 0) {
      showErrors(local);
      return;
    }
    setIsSaving(true);
    const profileChanged = Object.keys(attributes).length > 0 || avatar !== null;
    const passwordChanging = isSelf && !password.isEmpty;
    try {
      if (Object.keys(attributes).length > 0) {
        const updated = await update.mutateAsync({ attributes, etag });
        const saved = valuesOf(updated);
        setBaseline(saved);
        setValues(saved);
        setEtag(updated.meta.etag);
      }
      if (avatar) {
        try {
          if (avatar.kind === 'upload') {
            const answer = (await uploadAvatar.mutateAsync(avatar.file)) as
              | { links?: { avatar?: string } }
              | undefined;
            setAvatarUrl(answer?.links?.avatar ?? null);
          } else {
            await removeAvatar.mutateAsync();
            setAvatarUrl(null);
          }
          setAvatar(null);
        } catch (error) {
          showErrors({ avatar: error instanceof Error ? error.message : 'The avatar was not saved.' });
          return;
        }
      }
      if (passwordChanging) {
        // The password's problems show on its tab; after the change the person stays where they are.
        if (!(await password.submit())) {
          setTab('password');
          return;
        }
      }
      notifications.show({
        color: 'teal',
        closeButtonProps: { 'aria-label': 'Close the notification' },
        // No title: Mantine greys the message under a title below AA contrast.
        message: savedMessage({ isSelf, profileChanged, passwordChanged: passwordChanging }),
      });
      if (close) {
        leaving.current = true;
        navigate(viewPath);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setIsStale(true);
      } else {
        const found = fieldErrors(error);
        if (Object.keys(found).length > 0) showErrors(found);
        else setFormError(error instanceof Error ? error.message : 'The profile was not saved.');
      }
    } finally {
      setIsSaving(false);
    }
  }

  async function reloadLatest() {
    const latest = await reload();
    if (!latest) return;
    const fresh = valuesOf(latest);
    setBaseline(fresh);
    setValues(fresh);
    setEtag(latest.meta.etag);
    setAvatarUrl(latest.links.avatar ?? null);
    setErrors({});
    setIsStale(false);
  }

  const name = formatPersonName(user.attributes, locale);
  const errorCount = (prefix: (key: string) => boolean) => Object.keys(errors).filter(prefix).length;
  const generalErrors = errorCount((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''));
  const additionalErrors = errorCount((key) => key.startsWith('customFields'));

  return (
    <Page
      title={isSelf ? 'Edit My User' : `Edit User: ${name}`}
      actions={
        <>
          <Button component={Link} to={viewPath} variant="default">
            Cancel
          </Button>
          <Button
            variant="default"
            onClick={() => void save(false)}
            loading={isSaving}
            leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          >
            Save
          </Button>
          <Button onClick={() => void save(true)} loading={isSaving}>
            Save and Close
          </Button>
        </>
      }
    >
      {isStale ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title="This user was changed meanwhile"
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">
              Someone changed this profile since you opened it (maybe in another tab). Reload it to see their
              changes; your unsaved edits here will be lost.
            </Text>
            <Group>
              <Button
                size="xs"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={() => void reloadLatest()}
              >
                Reload
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {formError ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title="The profile was not saved"
          role="alert"
        >
          {formError}
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={(next) => setTab((next as Tab | null) ?? 'general')} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="general">General{generalErrors ? ` (${generalErrors} to fix)` : ''}</Tabs.Tab>
          <Tabs.Tab value="additional">
            Additional{additionalErrors ? ` (${additionalErrors} to fix)` : ''}
          </Tabs.Tab>
          {isSelf ? <Tabs.Tab value="password">Password</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralSection
            values={values}
            baseline={baseline}
            errors={errors}
            setField={setField}
            isSelf={isSelf}
            locale={locale}
            timeZone={timeZone}
            setFieldProblem={setFieldProblem}
            fieldProblems={fieldProblems}
            avatar={avatar}
            setAvatar={(change) => {
              setAvatar(change);
              setErrors(({ avatar: _cleared, ...rest }) => rest);
            }}
            currentAvatarUrl={avatarUrl}
            person={user.attributes}
            verified={
              new Map(
                user.attributes.additionalEmails.map((item) => [item.email.toLowerCase(), item.verified]),
              )
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="additional" pt="md">
          <AdditionalSection
            definitions={definitions}
            values={values.customFields}
            errors={errors}
            locale={locale}
            setDateProblem={setFieldProblem}
            onChange={(name, value) => {
              setValues((current) => ({
                ...current,
                customFields: { ...current.customFields, [name]: value },
              }));
              setErrors(({ [`customFields.${name}`]: _cleared, ...rest }) => rest);
            }}
          />
        </Tabs.Panel>
        {isSelf ? (
          <Tabs.Panel value="password" pt="md">
            <PasswordSection form={password} heading={null} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
        centered
      >
        <Stack>
          <Text>Your changes to this profile have not been saved. If you leave now, they are lost.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              Stay on this page
            </Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>
              Leave without saving
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

/** What Save did, in words: the profile, the password (the other sessions are signed out), or both. */
function savedMessage({
  isSelf,
  profileChanged,
  passwordChanged,
}: {
  isSelf: boolean;
  profileChanged: boolean;
  passwordChanged: boolean;
}): string {
  if (!isSelf) return 'The user was saved.';
  const signedOut = 'Your other sessions were signed out.';
  if (passwordChanged && profileChanged) return `Your profile and your new password were saved. ${signedOut}`;
  if (passwordChanged) return `Your password was changed. ${signedOut}`;
  return 'Your profile was saved.';
}

/** The same rules as the server (the shared zod schema and the custom field checks), before sending. */
function validate(
  attributes: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  values: ProfileValues,
): Record<string, string> {
  const found: Record<string, string> = {};
  const parsed = userProfileUpdateSchema.safeParse(attributes);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!(key in found)) found[key] = issue.message;
    }
  }
  if ('customFields' in attributes) Object.assign(found, customFieldErrors(definitions, values.customFields));
  if ('email' in attributes && 'currentPassword' in attributes && !attributes.currentPassword) {
    found.currentPassword = 'Type your current password to change your primary email.';
  }
  return found;
}
