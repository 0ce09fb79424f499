import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailMessageListAbilities } from '../../../common/abilities';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';

/** One `mail-messages` resource, as the outbox list shows it. */
export type MailMessage = { id: string } & ApiAttributes<'MailMessageSummary'>;

export type MailStatus = MailMessage['status'];

/** A single message also carries its bodies (tokens and passwords hidden by the server). */
export type MailMessageDetail = { id: string } & ApiAttributes<'MailMessage'>;

type ListDocument = {
  data: ApiResource<'MailMessageSummary'>[];
  links?: { next?: string; prev?: string };
  meta: { abilities: MailMessageListAbilities };
};

export type OutboxQuery = { status: MailStatus | null; page: number; pageSize: number };

export type OutboxPage = {
  messages: MailMessage[];
  hasNext: boolean;
  hasPrevious: boolean;
  /** What I may do from the outbox (`meta.abilities`): Retry. */
  abilities: MailMessageListAbilities;
};

const outboxKey = ['mail-messages'] as const;

/** `GET /api/mail-messages`, newest first, optionally one status; refreshed while mail is moving. */
export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: [...outboxKey, 'list', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<OutboxPage> => {
      const params = new URLSearchParams({
        'page[number]': String(query.page),
        'page[size]': String(query.pageSize),
        sort: '-createdAt',
      });
      if (query.status) params.set('filter[status]', query.status);
      const document = await apiFetch<ListDocument>(`${apiPaths.mailMessages}?${params}`, { signal });
      return {
        messages: document.data.map((resource) => ({ ...resource.attributes, id: resource.id })),
        hasNext: Boolean(document.links?.next),
        hasPrevious: Boolean(document.links?.prev),
        abilities: document.meta.abilities,
      };
    },
    // Messages in the queue change on their own: look again every few seconds while any wait.
    refetchInterval: (current) =>
      current.state.data?.messages.some(
        (message) => message.status === 'queued' || message.status === 'sending',
      )
        ? 3_000
        : false,
  });
}

/** `GET /api/mail-messages/{id}` */
export function useMailMessage(id: string) {
  return useQuery({
    queryKey: [...outboxKey, 'one', id],
    queryFn: async ({ signal }): Promise<MailMessageDetail> => {
      const { data } = await apiFetch<{ data: ApiResource<'MailMessage'> }>(apiPaths.mailMessage(id), {
        signal,
      });
      return { ...data.attributes, id: data.id };
    },
    refetchInterval: (current) =>
      current.state.data?.status === 'queued' || current.state.data?.status === 'sending' ? 3_000 : false,
  });
}

/** `POST /api/mail-messages/{id}/retry`: a failed message back in the queue. */
export function useRetryMailMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<MailMessageDetail> => {
      const { data } = await apiFetch<{ data: ApiResource<'MailMessage'> }>(apiPaths.mailMessageRetry(id), {
        method: 'POST',
        body: { data: { type: 'mail-retries' } },
      });
      return { ...data.attributes, id: data.id };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}
