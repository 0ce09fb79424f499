import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAbilities } from '../../../common/abilities';
import { formatLongDate } from '../../../common/dates';
import type { UserResource } from '../../app/user-resource';
import { useFormatter } from '../../ui/format';
import { useAuditActionLabel } from '../../ui/labels';
import { PageLoader } from '../../ui/page-loader';
import { contactRowClass, EmailAddressActions, PhoneActions } from '../activities/activity-actions';
import { ApiKeyField } from '../api-keys/api-key-field';
import { useEndSession, useMySessions, useSecurityEvents } from './api';
import { describeUserAgent } from './format';
import { PhoneLink } from './phone-link';
import '../../i18n/lazy/users';

/*
 * The sections of a user's page (user-view-page.tsx) below its header: General Information, the
 * signed-in devices, the recent security events; and the section, field and "Not set" they share.
 */

/**
 * **General Information**: username, birthday, the addresses (each with copy and the features'
 * email actions), the phone, and the **API Key** field where the viewer may generate one.
 */
export function GeneralInformation({
  user,
  isSelf,
  locale,
}: {
  user: UserResource;
  isSelf: boolean;
  locale: string;
}) {
  const { t } = useTranslation('users');
  const a = user.attributes;
  const abilities = user.meta.abilities;
  return (
    <Section title={t('view.generalInformation')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Field label={t('fields.username')}>{a.username}</Field>
          <Field label={t('fields.birthday')}>
            {a.birthday ? formatLongDate(a.birthday, locale) : <NotSet />}
          </Field>
          <Field label={t('fields.primaryEmail')}>
            <EmailLink email={a.email} abilities={abilities} />
          </Field>
          <Field label={t('fields.emails')}>
            {a.additionalEmails.length === 0 ? (
              <NotSet />
            ) : (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {a.additionalEmails.map((item) => (
                  <li key={item.email}>
                    <EmailLink email={item.email} verified={item.verified} abilities={abilities} />
                  </li>
                ))}
              </Stack>
            )}
          </Field>
          <Field label={t('fields.phone')}>
            {a.phone ? (
              <Group gap={6} wrap="nowrap" className={contactRowClass}>
                <PhoneLink phone={a.phone} />
                <PhoneActions phone={a.phone} abilities={abilities} />
              </Group>
            ) : (
              <NotSet />
            )}
          </Field>
        </Stack>
        <Stack gap="sm">
          {/* The field has its own "API Key" label. */}
          {abilities.generateApiKey ? <ApiKeyField userId={isSelf ? 'me' : user.id} /> : null}
        </Stack>
      </SimpleGrid>
    </Section>
  );
}

export function SignedInDevices() {
  const { t } = useTranslation('users');
  const format = useFormatter();
  const sessions = useMySessions(true);
  const end = useEndSession();
  return (
    <Section title={t('devices.title')}>
      {sessions.isPending ? (
        <PageLoader label={t('devices.loading')} />
      ) : sessions.isError ? (
        <Text c="red.9">{sessions.error.message}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('devices.device')}</Table.Th>
                <Table.Th>{t('devices.ip')}</Table.Th>
                <Table.Th>{t('devices.signedIn')}</Table.Th>
                <Table.Th>{t('devices.lastActive')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('devices.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    {describeUserAgent(session.userAgent)}
                    {session.current ? (
                      <Badge ms="xs" size="sm" color="teal.9">
                        {t('devices.thisDevice')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{session.ip ?? '—'}</Table.Td>
                  <Table.Td>{format.dateTime(session.createdAt)}</Table.Td>
                  <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {session.current ? null : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables === session.id}
                        onClick={() => end.mutate(session.id)}
                        aria-label={t('devices.signOutNamed', {
                          device: describeUserAgent(session.userAgent),
                          lastActive: format.dateTime(session.lastSeenAt),
                        })}
                      >
                        {t('devices.signOut')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

export function SecurityEvents({ userId, enabled }: { userId: string; enabled: boolean }) {
  const { t } = useTranslation('users');
  const format = useFormatter();
  const auditActionLabel = useAuditActionLabel();
  const events = useSecurityEvents(userId, enabled);
  if (!enabled) return null;
  return (
    <Section title={t('securityEvents.title')}>
      {events.isPending ? (
        <PageLoader label={t('securityEvents.loading')} />
      ) : events.isError ? (
        <Text c="gray.8">{t('securityEvents.failed', { reason: events.error.message })}</Text>
      ) : events.data.length === 0 ? (
        <Text c="gray.8">{t('securityEvents.none')}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {events.data.map((event) => (
            <Group key={event.id} component="li" gap="sm" wrap="nowrap">
              <Text size="sm" c="gray.8" miw={170}>
                {format.dateTime(event.occurredAt)}
              </Text>
              <Text size="sm">{auditActionLabel(event.action)}</Text>
              {event.ip ? (
                <Text size="sm" c="gray.8">
                  {t('securityEvents.from', { ip: event.ip })}
                </Text>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

export function NotSet() {
  const { t } = useTranslation('users');
  return (
    <Text c="gray.7" component="span">
      {t('view.notSet')}
    </Text>
  );
}

function EmailLink({
  email,
  verified,
  abilities,
}: {
  email: string;
  verified?: boolean;
  abilities: UserAbilities;
}) {
  const { t } = useTranslation('users');
  return (
    <Group gap={6} wrap="nowrap" className={contactRowClass}>
      <Anchor href={`mailto:${email}`} style={{ overflowWrap: 'anywhere' }} dir="auto">
        {email}
      </Anchor>
      <CopyButton value={email} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('view.copied') : t('view.copy')} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal.9' : 'gray.8'}
              onClick={copy}
              aria-label={copied ? t('view.copiedEmail', { email }) : t('view.copyEmail', { email })}
            >
              {copied ? (
                <IconCheck size={16} aria-hidden="true" />
              ) : (
                <IconCopy size={16} aria-hidden="true" />
              )}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      {verified === false ? (
        <Badge size="sm" color="red" variant="light">
          {t('fields.unverified')}
        </Badge>
      ) : null}
      <EmailAddressActions email={email} abilities={abilities} />
    </Group>
  );
}
