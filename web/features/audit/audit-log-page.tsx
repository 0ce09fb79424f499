import { Alert, Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditActions } from '../../../common/audit-actions';
import { useCurrentUser } from '../../app/api';
import { DateField } from '../../ui/date-field';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useFormatter, useRecordsPerPage, useViewerLocale } from '../../ui/format';
import { useAuditActionLabel, usePermissionLabel } from '../../ui/labels';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type AuditEvent, type AuditLogParams, useAuditLog } from './api';
import '../../i18n/lazy/audit';
import { paths, pathTo } from '../../../common/paths';
import { TableEmptyRow, tableScrollContainerClass } from '../../ui/table-empty-row';

function Person({ person }: { person: AuditEvent['actor'] }) {
  const { t } = useTranslation('audit');
  const format = useFormatter();
  if (!person)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  if (!('username' in person))
    return (
      <Text span size="sm" c="dimmed">
        {t('formerMember')}
      </Text>
    );
  return (
    <Anchor component={Link} to={pathTo(paths.user, { id: person.id })} size="sm">
      {format.personName(person) || person.username}
    </Anchor>
  );
}

/** Details as short "key: value" text (they never hold a secret). */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/**
 * `/audit-log` (`meta.abilities.viewAuditLog` of my profile): the organization's security events, newest first, filtered by
 * action and date range, a page at a time.
 */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  const { data: me } = useCurrentUser();
  const permissionLabel = usePermissionLabel();
  if (me && !me.abilities.viewAuditLog) {
    return (
      <Page title={t('title')}>
        <Alert color="gray" variant="outline" title={t('notAvailable')}>
          {t('needsPermission', { permission: permissionLabel('audit.view') })}
        </Alert>
      </Page>
    );
  }
  return <AuditLog />;
}

/** The log's filters and page: a change of filter starts again at the newest events. */
function useAuditLogFilters() {
  // Paged by cursor (cost does not grow with depth); undefined: the newest events.
  const [cursor, setCursor] = useState<AuditLogParams['cursor']>(undefined);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const format = useFormatter();
  const recordsPerPage = useRecordsPerPage();
  const log = useAuditLog({
    cursor,
    size: recordsPerPage,
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    timeZone: format.timeZone,
  });
  const filter = (apply: () => void) => {
    apply();
    setCursor(undefined);
  };
  return {
    log,
    setCursor,
    filters: {
      action,
      from,
      to,
      setAction: (value: string | null) => filter(() => setAction(value)),
      setFrom: (value: string | null) => filter(() => setFrom(value)),
      setTo: (value: string | null) => filter(() => setTo(value)),
    },
  };
}

type AuditFilterState = ReturnType<typeof useAuditLogFilters>['filters'];

function AuditLog() {
  const { t } = useTranslation('audit');
  const { log, setCursor, filters } = useAuditLogFilters();
  const nextCursor = log.data?.nextCursor;
  const prevCursor = log.data?.prevCursor;
  return (
    <Page title={t('title')}>
      <AuditFilters filters={filters} fetching={log.isFetching} />
      <FailureAlert title={t('loadFailed')} message={log.error?.message} />
      {log.isPending ? (
        <PageLoader label={t('loading')} />
      ) : (
        <AuditTable events={log.data?.events ?? []} fetching={log.isFetching} />
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {log.data ? t('total', { count: log.data.totalCount }) : ''}
        </Text>
        {nextCursor || prevCursor ? (
          <Group gap="xs">
            <Button
              variant="default"
              disabled={!prevCursor}
              onClick={() => prevCursor && setCursor({ before: prevCursor })}
            >
              {t('previousPage')}
            </Button>
            <Button
              variant="default"
              disabled={!nextCursor}
              onClick={() => nextCursor && setCursor({ after: nextCursor })}
            >
              {t('nextPage')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Page>
  );
}

function AuditFilters({ filters, fetching }: { filters: AuditFilterState; fetching: boolean }) {
  const { t } = useTranslation('audit');
  const auditActionLabel = useAuditActionLabel();
  const locale = useViewerLocale();
  return (
    <Paper withBorder p="md">
      <search aria-label={t('filters')}>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('action')}
            placeholder={t('anyAction')}
            searchable
            clearable
            data={auditActions.map((value) => ({ value, label: auditActionLabel(value) }))}
            value={filters.action}
            onChange={filters.setAction}
            w={280}
          />
          {/* Typed or picked in the viewer's locale; a date that does not parse says so and filters nothing. */}
          <DateField
            label={t('from')}
            locale={locale}
            value={filters.from}
            onChange={(value, problem) => {
              if (!problem && value !== filters.from) filters.setFrom(value);
            }}
            clearLabel={t('clearFrom')}
            w={190}
          />
          <DateField
            label={t('to')}
            locale={locale}
            value={filters.to}
            onChange={(value, problem) => {
              if (!problem && value !== filters.to) filters.setTo(value);
            }}
            clearLabel={t('clearTo')}
            w={190}
          />
          <FetchingIndicator active={fetching} />
        </Group>
      </search>
    </Paper>
  );
}

function AuditTable({ events, fetching }: { events: AuditEvent[]; fetching: boolean }) {
  const { t } = useTranslation('audit');
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={900} className={tableScrollContainerClass}>
        <Table verticalSpacing="sm" aria-busy={fetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.when')}</Table.Th>
              <Table.Th>{t('columns.action')}</Table.Th>
              <Table.Th>{t('columns.user')}</Table.Th>
              <Table.Th>{t('columns.by')}</Table.Th>
              <Table.Th>{t('columns.ip')}</Table.Th>
              <Table.Th>{t('columns.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.length === 0 ? (
              <TableEmptyRow colSpan={6}>{t('empty')}</TableEmptyRow>
            ) : (
              events.map((event) => <AuditRow key={event.id} event={event} />)
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const auditActionLabel = useAuditActionLabel();
  const format = useFormatter();
  return (
    <Table.Tr>
      <Table.Td>
        <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
      </Table.Td>
      <Table.Td>{auditActionLabel(event.action)}</Table.Td>
      <Table.Td>
        <Person person={event.subject} />
      </Table.Td>
      <Table.Td>
        <Person person={event.actor} />
      </Table.Td>
      <Table.Td>{event.ip ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {detailsText(event.details)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
