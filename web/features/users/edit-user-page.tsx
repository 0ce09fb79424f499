import { Alert, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { userProfileUpdateSchema } from '../../../common/profile';
import { ApiError, useCurrentUser } from '../../app/api';
import { useBlocker } from '../../app/navigation';
import { type UserResource, useUser } from '../../app/user-resource';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/index';
import { validateWith } from '../../ui/form';
import { useFormatter, useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { usePermissionLabel } from '../../ui/labels';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { routeServerErrors } from '../../ui/server-errors';
import { PasswordSection, usePasswordSectionForm } from '../passwords/password-section';
import { useSettings } from '../settings/api';
import {
  type CustomFieldDefinition,
  useCustomFields,
  useRemoveAvatar,
  useUpdateUser,
  useUploadAvatar,
} from './api';
import { AdditionalSection } from './edit-additional';
import { type AvatarChange, GeneralSection } from './edit-general';
import { changedAttributes, customFieldErrors, type ProfileValues, valuesOf } from './edit-values';
import '../../i18n/lazy/users';
import { paths, pathTo } from '../../../common/paths';

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
  const { t } = useTranslation(['users', 'common']);
  const permissionLabel = usePermissionLabel();
  if (user.isPending || definitions.isPending || settings.isPending || !me) {
    return <PageLoader label={t('edit.loading')} />;
  }
  if (user.isError || definitions.isError) {
    return (
      <Page title={t('edit.titleOther')}>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={t('edit.cannotEdit')}>
          {errorText(user.error ?? definitions.error)}
        </Alert>
      </Page>
    );
  }
  const isSelf = user.data.id === me.id;
  // The server says whether the viewer may edit (`meta.abilities.update`); the note names the
  // permission it takes: `update_own_profile` for oneself, `users.edit` for anyone else.
  const needed = isSelf ? 'update_own_profile' : 'users.edit';
  if (!user.data.meta.abilities.update) {
    return (
      <Page title={isSelf ? t('edit.titleSelf') : t('edit.titleOther')}>
        <Alert color="gray" variant="outline" title={t('edit.notAvailable')}>
          {t('edit.needsPermission', { permission: permissionLabel(needed) })}
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
  const { t } = useTranslation(['users', 'common']);
  const locale = useViewerLocale();
  const timeZone = useViewerTimeZone();
  const formatter = useFormatter();
  const navigate = useNavigate();
  const userId = isSelf ? 'me' : user.id;
  const update = useUpdateUser(userId);
  const uploadAvatar = useUploadAvatar(userId);
  const removeAvatar = useRemoveAvatar(userId);
  // The values as loaded or last saved are the form's initial values: what Save compares against.
  const form = useForm<ProfileValues>({ initialValues: valuesOf(user) });
  const values = form.values;
  const baseline = form.getInitialValues();
  const errors = form.errors;
  const [etag, setEtag] = useState(user.meta.etag);
  const [avatarUrl, setAvatarUrl] = useState(user.links.avatar ?? null);
  const [avatar, setAvatar] = useState<AvatarChange>(null);
  // Problems found while typing (a date that is no date or out of range, a malformed phone), by
  // form key: Save is refused while any is here.
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});
  const setFieldProblem = (key: string, problem: string | null) => {
    setFieldProblems(({ [key]: _previous, ...rest }) => (problem ? { ...rest, [key]: problem } : rest));
    form.clearFieldError(key);
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
    form.setFieldValue(field, value as never);
    // The field's own error and those of its parts (`additionalEmails.1`).
    form.setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([key]) => key !== field && !key.startsWith(`${String(field)}.`)),
      ),
    );
  };

  const setSaved = (saved: ProfileValues) => {
    form.setInitialValues(saved);
    form.setValues(saved);
  };

  const showErrors = (found: FormErrors) => {
    form.setErrors(found);
    const keys = Object.keys(found);
    if (keys.some((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''))) setTab('general');
    else if (keys.some((key) => key.startsWith('customFields'))) setTab('additional');
  };

  const viewPath = isSelf ? paths.myUser : pathTo(paths.user, { id: user.id });

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
        setSaved(valuesOf(updated));
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
          showErrors({ avatar: errorText(error) });
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
      // No title: Mantine greys the message under a title below AA contrast.
      notifySuccess(null, savedMessage({ isSelf, profileChanged, passwordChanged: passwordChanging }));
      if (close) {
        leaving.current = true;
        navigate(viewPath);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setIsStale(true);
      } else {
        const routed = routeServerErrors(error, [...Object.keys(values), 'avatar']);
        showErrors(routed.fields);
        setFormError(routed.form);
      }
    } finally {
      setIsSaving(false);
    }
  }

  async function reloadLatest() {
    const latest = await reload();
    if (!latest) return;
    setSaved(valuesOf(latest));
    setEtag(latest.meta.etag);
    setAvatarUrl(latest.links.avatar ?? null);
    form.clearErrors();
    setIsStale(false);
  }

  const name = formatter.personName(user.attributes);
  const errorCount = (prefix: (key: string) => boolean) => Object.keys(errors).filter(prefix).length;
  const generalErrors = errorCount((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''));
  const additionalErrors = errorCount((key) => key.startsWith('customFields'));

  return (
    <Page
      title={isSelf ? t('edit.titleSelf') : t('edit.titleOtherNamed', { name })}
      actions={
        <>
          <Button component={Link} to={viewPath} variant="default">
            {t('common:actions.cancel')}
          </Button>
          <Button
            variant="default"
            onClick={() => void save(false)}
            loading={isSaving}
            leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          >
            {t('common:actions.save')}
          </Button>
          <Button onClick={() => void save(true)} loading={isSaving}>
            {t('common:actions.saveAndClose')}
          </Button>
        </>
      }
    >
      {isStale ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('edit.stale.title')}
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">{t('edit.stale.explain')}</Text>
            <Group>
              <Button
                size="xs"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={() => void reloadLatest()}
              >
                {t('edit.stale.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {formError ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('edit.notSaved')}
          role="alert"
        >
          {formError}
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={(next) => setTab((next as Tab | null) ?? 'general')} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="general">
            {generalErrors
              ? t('edit.tabWithErrors', { tab: t('edit.general'), count: generalErrors })
              : t('edit.general')}
          </Tabs.Tab>
          <Tabs.Tab value="additional">
            {additionalErrors
              ? t('edit.tabWithErrors', { tab: t('edit.additional'), count: additionalErrors })
              : t('edit.additional')}
          </Tabs.Tab>
          {isSelf ? <Tabs.Tab value="password">{t('edit.password')}</Tabs.Tab> : null}
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
              form.clearFieldError('avatar');
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
              form.setFieldValue('customFields', { ...form.getValues().customFields, [name]: value });
              form.clearFieldError(`customFields.${name}`);
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
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('edit.leave.title')}
        centered
      >
        <Stack>
          <Text>{t('edit.leave.explain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()}>
              {t('edit.leave.stay')}
            </Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>
              {t('edit.leave.leave')}
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
  if (!isSelf) return i18n.t('users:edit.savedOther');
  if (passwordChanged && profileChanged) return i18n.t('users:edit.savedProfileAndPassword');
  if (passwordChanged) return i18n.t('users:edit.savedPassword');
  return i18n.t('users:edit.savedProfile');
}

const checkProfile = validateWith<Record<string, unknown>>(userProfileUpdateSchema);

/** The same rules as the server (the shared zod schema and the custom field checks), before sending. */
function validate(
  attributes: Record<string, unknown>,
  definitions: CustomFieldDefinition[],
  values: ProfileValues,
): FormErrors {
  const found = checkProfile(attributes);
  if ('customFields' in attributes) Object.assign(found, customFieldErrors(definitions, values.customFields));
  if ('email' in attributes && 'currentPassword' in attributes && !attributes.currentPassword) {
    found.currentPassword = i18n.t('users:edit.currentPasswordRequired');
  }
  return found;
}
