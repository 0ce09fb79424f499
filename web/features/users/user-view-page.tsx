import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconSettings } from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { UserAbilities } from '../../../common/abilities';
import { formatLongDate } from '../../../common/dates';
import { paths, pathTo } from '../../../common/paths';
import { useCurrentUser } from '../../app/api';
import { type UserResource, useUser } from '../../app/user-resource';
import { i18n } from '../../i18n/index';
import { useFormatter, useViewerLocale } from '../../ui/format';
import type { MoreActionContext } from '../../ui/more-actions';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { UserAvatar } from '../../ui/user-avatar';
import { type CustomFieldDefinition, useCustomFields, useOrganizationNames, useRoleNames } from './api';
import { MoreActionsMenu } from './more-actions';
import {
  Field,
  GeneralInformation,
  NotSet,
  Section,
  SecurityEvents,
  SignedInDevices,
} from './user-view-parts';
import '../../i18n/lazy/users';

const UserTasks = lazy(() => import('../tasks/user-tasks').then((module) => ({ default: module.UserTasks })));

const UserCalendar = lazy(() =>
  import('../calendar/calendar-page').then((module) => ({ default: module.UserCalendar })),
);
const ActivitySection = lazy(() =>
  import('../activities/activity-section').then((module) => ({ default: module.ActivitySection })),
);

/**
 * The **Activity** and **Calendar** tabs of a user's page (each shown to viewers who may see it;
 * `?tab=calendar` opens the calendar). A tab's content loads when it is first chosen.
 */
function ActivityAndCalendar({
  user,
  isSelf,
  abilities,
}: {
  user: { id: string; name: string; email: string; phone: string | null };
  isSelf: boolean;
  abilities: UserAbilities;
}) {
  const { t } = useTranslation('users');
  const [search, setSearch] = useSearchParams();
  const showActivity = abilities.viewActivity;
  const showCalendar = abilities.viewCalendar;
  if (!showActivity && !showCalendar) return null;
  const tab =
    search.get('tab') === 'calendar' && showCalendar ? 'calendar' : showActivity ? 'activity' : 'calendar';
  return (
    <Tabs
      value={tab}
      keepMounted={false}
      onChange={(value) => {
        const next = new URLSearchParams(search);
        if (value === 'calendar') next.set('tab', 'calendar');
        else next.delete('tab');
        setSearch(next, { replace: true });
      }}
    >
      <Tabs.List aria-label={t('activityAndCalendar.tabs')} mb="sm">
        {showActivity ? <Tabs.Tab value="activity">{t('activityAndCalendar.activity')}</Tabs.Tab> : null}
        {showCalendar ? <Tabs.Tab value="calendar">{t('activityAndCalendar.calendar')}</Tabs.Tab> : null}
      </Tabs.List>
      {showActivity ? (
        <Tabs.Panel value="activity">
          <Suspense fallback={<PageLoader label={t('view.loadingActivity')} />}>
            <ActivitySection user={user} isSelf={isSelf} />
          </Suspense>
        </Tabs.Panel>
      ) : null}
      {showCalendar ? (
        <Tabs.Panel value="calendar">
          <Suspense fallback={<PageLoader label={t('activityAndCalendar.loading')} />}>
            <UserCalendar
              owner={{ id: user.id, name: user.name }}
              isSelf={isSelf}
              canAssignEvent={abilities.assignEvent}
            />
          </Suspense>
        </Tabs.Panel>
      ) : null}
    </Tabs>
  );
}

/** `/users/:id`: any user of the organization, as administrators (and colleagues) see them. */
export function UserViewPage() {
  const { id = 'me' } = useParams();
  return <UserView userId={id} />;
}

/**
 * A user's page: header (avatar, name, status, roles, organizations, dates, sign-ins), **Edit** and
 * **More Actions** in the upper right, **General Information**, **Additional Information**, and —
 * for the user themselves — their signed-in devices and recent security events.
 */
export function UserView({ userId }: { userId: string }) {
  const { t } = useTranslation('users');
  const { data: me } = useCurrentUser();
  const user = useUser(userId);
  const locale = useViewerLocale();
  const format = useFormatter();
  if (user.isPending || !me) return <PageLoader label={t('view.loading')} />;
  if (user.isError) {
    return (
      <Page title={t('view.fallbackTitle')}>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={t('view.cannotShow')}>
          {user.error.message}
        </Alert>
      </Page>
    );
  }
  const data = user.data;
  const a = data.attributes;
  const isSelf = data.id === me.id;
  // What the viewer may do here, as the server's policies say.
  const abilities = data.meta.abilities;
  const name = format.personName(a);
  const person = { id: data.id, name, email: a.email, phone: a.phone };

  return (
    <Page
      title={name}
      documentTitle={isSelf ? t('view.myUser') : name}
      actions={<UserViewActions context={{ user: person, isSelf, currentUserId: me.id, abilities }} />}
    >
      <UserHeader user={data} />
      <GeneralInformation user={data} isSelf={isSelf} locale={locale} />
      <AdditionalInformation user={data} locale={locale}>
        {abilities.viewTasks ? (
          <Suspense fallback={<PageLoader label={t('view.loadingTasks')} />}>
            <UserTasks userId={isSelf ? 'me' : data.id} />
          </Suspense>
        ) : null}
      </AdditionalInformation>
      <ActivityAndCalendar user={person} isSelf={isSelf} abilities={abilities} />
      {isSelf ? <SignedInDevices /> : null}
      <SecurityEvents userId={isSelf ? 'me' : data.id} enabled={abilities.viewSecurityEvents} />
    </Page>
  );
}

/** The page's upper right: **Edit** and **Configuration** where the viewer may, then **More Actions**. */
function UserViewActions({ context }: { context: MoreActionContext }) {
  const { t } = useTranslation('users');
  const { user, isSelf, abilities } = context;
  const editPath = isSelf ? paths.myUserEdit : pathTo(paths.userEdit, { id: user.id });
  return (
    <>
      {abilities.update ? (
        <Button component={Link} to={editPath} leftSection={<IconPencil size={16} aria-hidden="true" />}>
          {t('view.edit')}
        </Button>
      ) : null}
      {abilities.editConfiguration ? (
        <Button
          component={Link}
          to={paths.myConfiguration}
          variant="default"
          leftSection={<IconSettings size={16} aria-hidden="true" />}
        >
          {t('view.configuration')}
        </Button>
      ) : null}
      <MoreActionsMenu context={context} />
    </>
  );
}

function UserHeader({ user }: { user: UserResource }) {
  const { t } = useTranslation('users');
  const format = useFormatter();
  const a = user.attributes;
  const roles = useRoleNames();
  const organizations = useOrganizationNames();
  const roleNames = user.relationships.roles.data.map((role) => roles.data?.get(role.id) ?? '…');
  const organizationNames = user.relationships.organizations.data.map(
    (organization) => organizations.data?.get(organization.id) ?? '…',
  );
  const status = t(`status.${a.status}`);
  return (
    <Paper withBorder p="md" radius="md">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <UserAvatar person={a} src={user.links.avatar ?? null} size={96} radius={96} />
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={a.status === 'active' ? 'teal.9' : a.status === 'disabled' ? 'red.9' : 'grape.8'}>
              {status}
            </Badge>
            {roleNames.map((role, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: names may repeat while loading
              <Badge key={index} variant="outline" color="indigo.9">
                {role}
              </Badge>
            ))}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={4}>
            <Field label={t('view.organizations')}>
              {organizationNames.length ? organizationNames.join(', ') : <NotSet />}
            </Field>
            <Field label={t('view.created')}>{format.dateTime(a.createdAt)}</Field>
            <Field label={t('view.updated')}>{format.dateTime(a.updatedAt)}</Field>
            <Field label={t('view.lastSignIn')}>
              {a.lastSignInAt ? format.dateTime(a.lastSignInAt) : t('view.never')}
            </Field>
            <Field label={t('view.signInCount')}>{String(a.signInCount)}</Field>
          </SimpleGrid>
        </Stack>
      </Group>
    </Paper>
  );
}

function AdditionalInformation({
  user,
  locale,
  children,
}: {
  user: UserResource;
  locale: string;
  /** Subsections below the custom fields (User Tasks). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('users');
  const definitions = useCustomFields();
  return (
    <Section title={t('view.additionalInformation')}>
      {definitions.isPending ? (
        <PageLoader label={t('view.loadingCustomFields')} />
      ) : !definitions.data?.length ? (
        <Text c="gray.8">{t('view.noAdditionalInformation')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {definitions.data.map((definition) => (
            <Field key={definition.id} label={definition.label}>
              {renderCustomValue(definition, user.attributes.customFields[definition.name], locale)}
            </Field>
          ))}
        </SimpleGrid>
      )}
      {children ? <Stack mt="md">{children}</Stack> : null}
    </Section>
  );
}

function renderCustomValue(definition: CustomFieldDefinition, value: unknown, locale: string): ReactNode {
  if (value === undefined || value === null || value === '') return <NotSet />;
  switch (definition.fieldType) {
    case 'boolean':
      return value ? i18n.t('users:view.yes') : i18n.t('users:view.no');
    case 'date':
      return formatLongDate(String(value), locale);
    case 'number':
      return new Intl.NumberFormat(locale).format(Number(value));
    case 'longtext':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    default:
      return String(value);
  }
}
