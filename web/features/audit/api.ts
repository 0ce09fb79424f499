import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, cursorOf } from '../../app/api';

export type AuditUser = { id: string; username: string; fullName: string };

export type AuditEvent = {
  id: string;
  action: string;
  occurredAt: string;
  ip: string | null;
  details: Record<string, unknown>;
  actor: AuditUser | { id: string } | null;
  subject: AuditUser | { id: string } | null;
};

export type AuditLogParams = {
  /** Where the page starts: a cursor from the previous answer (`page[after]`/`page[before]`); none for the first page */
  cursor?: { after: string } | { before: string } | undefined;
  size: number;
  action?: string;
  /** `YYYY-MM-DD`, from the start of that day (UTC) */
  from?: string;
  /** `YYYY-MM-DD`, to the end of that day (UTC) */
  to?: string;
  subject?: string;
};

type EventResource = {
  id: string;
  attributes: { action: string; occurredAt: string; ip: string | null; details: Record<string, unknown> };
  relationships: { actor: { data: { id: string } | null }; subject: { data: { id: string } | null } };
};

type UserResource = { id: string; attributes: { username: string; fullName: string } };

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
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
      if (params.from) query.set('filter[occurredAt][gte]', `${params.from}T00:00:00Z`);
      if (params.to) query.set('filter[occurredAt][lt]', nextDay(params.to));
      const document = await apiFetch<{
        data: EventResource[];
        included?: UserResource[];
        meta?: { totalCount?: number };
        links?: { next?: string; prev?: string };
      }>(`/api/audit-events?${query}`, { signal, headers: { 'X-Include': 'totalCount' } });
      const users = new Map(
        (document.included ?? []).map((user) => [
          user.id,
          { id: user.id, username: user.attributes.username, fullName: user.attributes.fullName },
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
