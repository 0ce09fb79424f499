import { Alert, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths, pathTo } from '../../../common/paths';
import { useCurrentUser } from '../../app/api';
import { type UserResource, useUser } from '../../app/user-resource';
import { errorText } from '../../i18n/error-text';
import { useFormatter, useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { usePermissionLabel } from '../../ui/labels';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { PasswordSection } from '../passwords/password-section';
import { useSettings } from '../settings/api';
import { type CustomFieldDefinition, useCustomFields } from './api';
import { AdditionalSection } from './edit-additional';
import { GeneralSection } from './edit-general';
import { LeaveConfirmation, useLeaveGuard } from './edit-user-leave';
import {
  GENERAL_FIELDS,
  type ProfileForm,
  type Tab,
  useProfileForm,
  useSaveProfile,
} from './edit-user-state';
import '../../i18n/lazy/users';

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
  const formatter = useFormatter();
  const navigate = useNavigate();
  const profile = useProfileForm(user, isSelf, organizationName);
  const { blocker, allowLeaving } = useLeaveGuard(profile.isDirty);
  const viewPath = isSelf ? paths.myUser : pathTo(paths.user, { id: user.id });
  const { save, reloadLatest, formError, isStale, isSaving } = useSaveProfile({
    profile,
    userId: isSelf ? 'me' : user.id,
    isSelf,
    definitions,
    reload,
    onSaved: (close) => {
      if (!close) return;
      allowLeaving();
      navigate(viewPath);
    },
  });
  const name = formatter.personName(user.attributes);

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
      {isStale ? <StaleAlert onReload={() => void reloadLatest()} /> : null}
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
      <EditUserTabs profile={profile} user={user} definitions={definitions} isSelf={isSelf} />
      <LeaveConfirmation blocker={blocker} />
    </Page>
  );
}

/** Someone else saved the user meanwhile: nothing was saved; reload their version. */
function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation('users');
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('edit.stale.title')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{t('edit.stale.explain')}</Text>
        <Group>
          <Button size="xs" leftSection={<IconRefresh size={14} aria-hidden="true" />} onClick={onReload}>
            {t('edit.stale.reload')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** General, Additional and (for oneself) Password, each tab naming how many errors it holds. */
function EditUserTabs({
  profile,
  user,
  definitions,
  isSelf,
}: {
  profile: ProfileForm;
  user: UserResource;
  definitions: CustomFieldDefinition[];
  isSelf: boolean;
}) {
  const { t } = useTranslation('users');
  const locale = useViewerLocale();
  const timeZone = useViewerTimeZone();
  const { form, values, tab, setTab, setFieldProblem } = profile;
  const errors = form.errors;
  const errorCount = (prefix: (key: string) => boolean) => Object.keys(errors).filter(prefix).length;
  const generalErrors = errorCount((key) => GENERAL_FIELDS.has(key.split('.')[0] ?? ''));
  const additionalErrors = errorCount((key) => key.startsWith('customFields'));
  return (
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
          baseline={profile.baseline}
          errors={errors}
          setField={profile.setField}
          isSelf={isSelf}
          locale={locale}
          timeZone={timeZone}
          setFieldProblem={setFieldProblem}
          fieldProblems={profile.fieldProblems}
          avatar={profile.avatar}
          setAvatar={(change) => {
            profile.setAvatar(change);
            form.clearFieldError('avatar');
          }}
          currentAvatarUrl={profile.avatarUrl}
          person={user.attributes}
          verified={
            new Map(user.attributes.additionalEmails.map((item) => [item.email.toLowerCase(), item.verified]))
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
          <PasswordSection form={profile.password} heading={null} />
        </Tabs.Panel>
      ) : null}
    </Tabs>
  );
}
