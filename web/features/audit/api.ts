import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fromZonedWallTime } from '../../../common/zoned-time';
import { apiFetch, cursorOf } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';

/** A user an event names, with the parts of their name (written in the viewer's Name format). */
export type AuditUser = { id: string } & Pick<
  ApiAttributes<'User'>,
  'username' | 'fullName' | 'namePrefix' | 'firstName' | 'middleName' | 'lastName' | 'nameSuffix'
>;

export type AuditEvent = { id: string } & ApiAttributes<'AuditEvent'> & {
    actor: AuditUser | { id: string } | null;
    subject: AuditUser | { id: string } | null;
  };

export type AuditLogParams = {
  /** Where the page starts: a cursor from the previous answer (`page[after]`/`page[before]`); none for the first page */
  cursor?: { after: string } | { before: string } | undefined;
  size: number;
  action?: string;
  /** `YYYY-MM-DD`, from the start of that day in `timeZone` */
  from?: string;
  /** `YYYY-MM-DD`, to the end of that day in `timeZone` */
  to?: string;
  /** The viewer's time zone (their Timezone setting): the days above are theirs, not UTC's. */
  timeZone?: string;
  subject?: string;
};

/** The calendar day after `YYYY-MM-DD`, as `YYYY-MM-DD`. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** `GET /api/audit-events` (audit.view): newest first, filtered, with the users it names. */
export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: ['audit-events', params],
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams();
      if (params.cursor && 'after' in params.cursor) query.set('page[after]', params.cursor.after);
      if (params.cursor && 'before' in params.cursor) query.set('page[before]', params.cursor.before);
      query.set('page[size]', String(params.size));
      query.set('include', 'actor,subject');
      if (params.action) query.set('filter[action]', params.action);
      if (params.subject) query.set('filter[subject]', params.subject);
      const from = params.from && fromZonedWallTime(`${params.from}T00:00`, params.timeZone);
      const to = params.to && fromZonedWallTime(`${nextDay(params.to)}T00:00`, params.timeZone);
      if (from) query.set('filter[occurredAt][gte]', from);
      if (to) query.set('filter[occurredAt][lt]', to);
      const document = await apiFetch<{
        data: ApiResource<'AuditEvent'>[];
        included?: ApiResource<'User'>[];
        meta?: { totalCount?: number };
        links?: { next?: string; prev?: string };
      }>(`${apiPaths.auditEvents}?${query}`, { signal, headers: { 'X-Include': 'totalCount' } });
      const users = new Map(
        (document.included ?? []).map((user) => [
          user.id,
          {
            id: user.id,
            username: user.attributes.username,
            fullName: user.attributes.fullName,
            namePrefix: user.attributes.namePrefix,
            firstName: user.attributes.firstName,
            middleName: user.attributes.middleName,
            lastName: user.attributes.lastName,
            nameSuffix: user.attributes.nameSuffix,
          },
        ]),
      );
      const person = (reference: { id: string } | null) =>
        reference ? (users.get(reference.id) ?? reference) : null;
      return {
        events: document.data.map(
          (resource): AuditEvent => ({
            id: resource.id,
            ...resource.attributes,
            actor: person(resource.relationships.actor.data),
            subject: person(resource.relationships.subject.data),
          }),
        ),
        totalCount: document.meta?.totalCount ?? document.data.length,
        nextCursor: cursorOf(document.links?.next, 'page[after]'),
        prevCursor: cursorOf(document.links?.prev, 'page[before]'),
      };
    },
    placeholderData: keepPreviousData,
  });
}
