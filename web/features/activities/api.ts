import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, cursorOf, getCsrfToken, setCsrfToken } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiDocument, ApiResource } from '../../app/api-types';
import type { CalendarEventResource } from '../calendar/api';
import type { TaskResource } from '../tasks/api';

/**
 * The activities API as the issue defines it (issue 13 item 7): `POST /api/emails`, `/api/calls`,
 * `GET /api/users/{id}/activities` (a mixed collection of `emails` and `calls`, keyset-paged with
 * `page[after]` and `links.next`), `/api/email-templates`, `POST /api/files`.
 */

/** A call's attributes as one logs them (OroCRM's Call entity). `duration` in whole seconds. */
export type CallAttributes = Omit<CallResource['attributes'], 'createdAt' | 'updatedAt'>;

export type EmailStatus = EmailResource['attributes']['status'];

/** A `calls` resource (`Call` of the OpenAPI document). */
export type CallResource = ApiResource<'Call'>;

/** An `emails` resource (`Email` of the OpenAPI document). */
export type EmailResource = ApiResource<'Email'>;

export type ActivityResource = CallResource | EmailResource | CalendarEventResource | TaskResource;

/** A resource from the timeline's `included`: the authors (`User` of the OpenAPI document). */
export type IncludedResource = ApiResource<'User'>;

export type ActivityKind = 'emails' | 'calls' | 'calendarevents' | 'tasks';

export type ActivityFilter = {
  types: ActivityKind[];
  /** ISO-8601 UTC bounds: from inclusive, to exclusive */
  from?: string | undefined;
  to?: string | undefined;
};

export type ActivityPage = {
  items: ActivityResource[];
  included: IncludedResource[];
  next: string | undefined;
};

export const activitiesQueryKey = (userId: string) => ['activities', userId] as const;

function activitiesUrl(userId: string, filter: ActivityFilter, size: number, after?: string): string {
  const query = new URLSearchParams();
  if (filter.types.length > 0) query.set('filter[type]', filter.types.join(','));
  if (filter.from) query.set('filter[occurredAt][gte]', filter.from);
  if (filter.to) query.set('filter[occurredAt][lt]', filter.to);
  query.set('page[size]', String(size));
  // The authors' names come with the page (JSON:API compound document).
  query.set('include', 'author');
  if (after) query.set('page[after]', after);
  return `${apiPaths.userActivities(userId)}?${query}`;
}

/**
 * The user's timeline, newest first: one page per **Load more**, each asked for with the previous
 * answer's `links.next` cursor (keyset paging: page 1,000 costs what page 1 costs).
 */
export function useActivities(userId: string, filter: ActivityFilter, size: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...activitiesQueryKey(userId), filter, size],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }): Promise<ActivityPage> => {
      const document = await apiFetch<{
        data: ActivityResource[];
        included?: IncludedResource[];
        links?: { next?: string | null };
      }>(activitiesUrl(userId, filter, size, pageParam), { signal });
      return {
        items: document.data,
        included: document.included ?? [],
        next: cursorOf(document.links?.next ?? undefined, 'page[after]'),
      };
    },
    getNextPageParam: (page) => page.next,
  });
}

/** One email, fresh (its delivery status moves on after sending). */
export function useEmail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['emails', id],
    enabled,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ data: EmailResource }>(apiPaths.email(id), { signal })).data,
  });
}

/** An uploaded file's name and size (`GET /api/files/{id}`), for an attachment's link. */
export function useFile(id: string) {
  return useQuery({
    queryKey: ['files', id],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ data: ApiResource<'File'> }>(apiPaths.file(id), {
          signal,
        })
      ).data.attributes,
  });
}

export type CallInput = CallAttributes & { targetUserIds: string[] };

function callDocument(input: CallInput, id?: string) {
  const { targetUserIds, ...attributes } = input;
  return {
    data: {
      type: 'calls',
      ...(id ? { id } : {}),
      attributes,
      relationships: {
        activityTargets: { data: targetUserIds.map((userId) => ({ type: 'users', id: userId })) },
      },
    },
  };
}

function useInvalidateActivities() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['activities'] });
}

/** **Log Call**: `POST /api/calls`. */
export function useLogCall() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (input: CallInput) =>
      apiFetch<{ data: CallResource }>(apiPaths.calls, { method: 'POST', body: callDocument(input) }),
    onSuccess: invalidate,
  });
}

/** A call's **Edit**: `PATCH /api/calls/{id}`. */
export function useUpdateCall(id: string) {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (input: CallInput) =>
      apiFetch<{ data: CallResource }>(apiPaths.call(id), {
        method: 'PATCH',
        body: callDocument(input, id),
      }),
    onSuccess: invalidate,
  });
}

/** A call's **Delete**: `DELETE /api/calls/{id}`. */
export function useDeleteCall() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.call(id), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export type EmailInput = {
  from: string;
  toRecipients: string[];
  ccRecipients: string[];
  bccRecipients: string[];
  subject: string;
  body: { type: 'html'; content: string };
  /** ISO-8601 UTC, for **Send later** */
  sendAt?: string | undefined;
  targetUserIds: string[];
  attachmentIds: string[];
  /** The email this one answers (**Reply**): the server sets In-Reply-To and References. */
  inReplyToId?: string | undefined;
};

/** **Send** and **Send later**: `POST /api/emails`; answers `queued` or `scheduled`. */
export function useSendEmail() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ targetUserIds, attachmentIds, inReplyToId, sendAt, ...attributes }: EmailInput) =>
      apiFetch<{ data: EmailResource }>(apiPaths.emails, {
        method: 'POST',
        body: {
          data: {
            type: 'emails',
            attributes: { ...attributes, ...(sendAt ? { sendAt } : {}) },
            relationships: {
              activityTargets: { data: targetUserIds.map((id) => ({ type: 'users', id })) },
              attachments: { data: attachmentIds.map((id) => ({ type: 'files', id })) },
              ...(inReplyToId ? { inReplyTo: { data: { type: 'emails', id: inReplyToId } } } : {}),
            },
          },
        },
      }),
    onSuccess: invalidate,
  });
}

/** **Cancel** a scheduled email: `DELETE /api/emails/{id}` (409 once it was sent). */
export function useCancelEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.email(id), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activities'] }),
    onSettled: (_result, _error, id) => queryClient.invalidateQueries({ queryKey: ['emails', id] }),
  });
}

/** A template as **Template** lists it (`EmailTemplate` of the OpenAPI document, by name). */
export type EmailTemplate = { id: string } & Pick<ApiAttributes<'EmailTemplate'>, 'name'>;

/** The organization's email templates, by name (for **Template**). */
export function useEmailTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['email-templates'],
    enabled,
    queryFn: async ({ signal }): Promise<EmailTemplate[]> => {
      const document = await apiFetch<{ data: ApiResource<'EmailTemplate'>[] }>(apiPaths.emailTemplates, {
        signal,
      });
      return document.data.map((resource) => ({ id: resource.id, name: resource.attributes.name }));
    },
  });
}

/**
 * A template filled in: subject, body and `unfilled`, the variables the recipient has no value
 * for, left written as `{{ … }}` (sending refuses them).
 */
export type RenderedTemplate = ApiDocument<'/api/email-templates/{id}/render', 'get'>['meta'];

/**
 * A template filled for one recipient (a user id or an address), with the viewer as sender:
 * `GET /api/email-templates/{id}/render` fills it on the server with a sandboxed engine, so the
 * browser never evaluates template text.
 */
export async function renderEmailTemplate(
  id: string,
  recipient: string | undefined,
): Promise<RenderedTemplate> {
  const query = recipient ? `?${new URLSearchParams({ recipient })}` : '';
  const document = await apiFetch<ApiDocument<'/api/email-templates/{id}/render', 'get'>>(
    `${apiPaths.emailTemplateRender(id)}${query}`,
  );
  return document.meta;
}

/** An uploaded attachment: the `files` resource (`File` of the OpenAPI document), `fileName` as `name`. */
export type UploadedFile = { id: string; name: FileAttributes['fileName'] } & Pick<
  FileAttributes,
  'size' | 'contentType'
>;

type FileAttributes = ApiAttributes<'File'>;

/**
 * Uploads one attachment (`POST /api/files`, multipart field `file`) and reports progress
 * (0..1) as it goes: fetch cannot report upload progress, so this one request uses XHR, with the
 * session's CSRF token as `apiFetch` sends it. Rejects with `ApiError` as `apiFetch` does.
 */
export async function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  // After a reload the token is not in memory yet: the session answers it (as apiFetch does).
  let token = getCsrfToken();
  if (!token) {
    const current = await apiFetch<ApiDocument<'/api/sessions/current', 'get'>>(apiPaths.currentSession);
    token = current.data.attributes.csrfToken ?? null;
    setCsrfToken(token);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiPaths.files);
    xhr.setRequestHeader('Accept', 'application/vnd.api+json');
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let document: Partial<ApiDocument<'/api/files', 'post'>> & { errors?: ApiError['errors'] } = {};
      try {
        document = JSON.parse(xhr.responseText || '{}');
      } catch {
        // not JSON: reported below
      }
      if (xhr.status >= 200 && xhr.status < 300 && document.data) {
        const { attributes } = document.data;
        resolve({
          id: document.data.id,
          name: attributes.fileName,
          size: attributes.size,
          contentType: attributes.contentType,
        });
      } else {
        reject(
          new ApiError(
            xhr.status,
            document.errors ?? [
              { status: String(xhr.status), code: `http_${xhr.status}`, detail: 'The upload failed.' },
            ],
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, [{ status: '0', code: 'network_error', detail: 'The server could not be reached.' }]),
      );
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
