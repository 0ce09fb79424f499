import { useQuery } from '@tanstack/react-query';
import type { ProfileAbilities } from '../../common/abilities';
import { i18n } from '../i18n/index';
import { apiPaths } from './api-paths';
import type { ApiResource } from './api-types';

/**
 * The one HTTP client of the SPA. It speaks the public REST API (JSON:API) exactly as an
 * integration would, with the browser's session cookie and the session's CSRF token.
 */
export const JSON_API = 'application/vnd.api+json';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One entry of a JSON:API `errors` array, as the server sends it. */
export type ApiErrorObject = {
  status: string;
  code: string;
  title?: string;
  detail: string;
  source?: { pointer?: string; parameter?: string; header?: string };
  meta?: Record<string, unknown>;
};

/**
 * Words for a failed request that work before the errors catalog has loaded (web/i18n/lazy/errors.ts
 * loads it just after the first render): the catalog's entry for the code, else `common:failures`.
 */
export const internalErrorText = () =>
  i18n.t('errors:internal_error', { defaultValue: i18n.t('common:failures.internal') });
const httpErrorText = (status: number) =>
  i18n.t('errors:http_error', { status, defaultValue: i18n.t('common:failures.http', { status }) });

/** A failed API call: the HTTP status (0 when the server could not be reached) and its errors. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly errors: ApiErrorObject[];

  constructor(status: number, errors: ApiErrorObject[]) {
    super(errors[0]?.detail ?? httpErrorText(status));
    this.status = status;
    this.errors = errors;
  }

  /** The code of the first error, e.g. `username_taken`. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/**
 * Maps the errors that point into the request body (`/data/attributes/<field>`) to
 * `{ field: message }` for a form; nested pointers become dot paths (`emails.0.email`), the
 * convention of Mantine's `useForm`. The first message per field wins.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const item of error.errors) {
    const field = attributePath(item.source?.pointer);
    if (field && !(field in result)) result[field] = item.detail;
  }
  return result;
}

/**
 * The form path of a JSON pointer into the request's attributes: `/data/attributes/emails/0/email`
 * → `emails.0.email` (RFC 6901 escapes undone); `undefined` for any other pointer.
 */
export function attributePath(pointer: string | undefined): string | undefined {
  if (!pointer?.startsWith('/data/attributes/')) return undefined;
  const path = pointer
    .slice('/data/attributes/'.length)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  return path || undefined;
}

/**
 * The session's CSRF token, in memory only. The sign-in page sets it from the `POST /api/sessions`
 * answer; after a reload `apiFetch` recovers it from `GET /api/sessions/current` on the first
 * unsafe request.
 */
let csrfToken: string | null = null;
let pendingCsrfToken: Promise<string | null> | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  pendingCsrfToken ??= request<{ data: { attributes: { csrfToken?: string } } }>(
    apiPaths.currentSession,
    'GET',
  )
    .then((document) => {
      csrfToken = document?.data.attributes.csrfToken ?? null;
      return csrfToken;
    })
    // Signed out (or no sessions feature): the request goes without a token and the server decides.
    .catch(() => null)
    .finally(() => {
      pendingCsrfToken = null;
    });
  return pendingCsrfToken;
}

export type ApiFetchOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON:API document (serialized as JSON) or FormData (a file upload). */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match` with the ETag of the record being changed. */
  headers?: Record<string, string>;
};

/**
 * Calls the API and returns the parsed JSON:API document (`undefined` for 204 No Content).
 * Throws `ApiError` for any non-2xx answer or when the server cannot be reached.
 */
export async function apiFetch<T = unknown>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  if (!UNSAFE_METHODS.has(method)) return request<T>(path, method, options);
  await ensureCsrfToken();
  try {
    return await request<T>(path, method, options);
  } catch (error) {
    // The session was rotated elsewhere (e.g. a password change): fetch its token and retry once.
    if (!(error instanceof ApiError && error.code === 'csrf_token_invalid')) throw error;
    csrfToken = null;
    if (!(await ensureCsrfToken())) throw error;
    return request<T>(path, method, options);
  }
}

async function request<T>(path: string, method: string, options: ApiFetchOptions = {}): Promise<T> {
  const headers = new Headers({ ...options.headers, Accept: JSON_API });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers.set('Content-Type', JSON_API);
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, [
      {
        status: '0',
        code: 'network_error',
        detail: i18n.t('errors:network_error', { defaultValue: i18n.t('common:failures.network') }),
      },
    ]);
  }
  if (response.status === 204) return undefined as T;
  const document = await readJson(response);
  if (response.ok) return document as T;
  throw new ApiError(response.status, errorsOf(document, response.status));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorsOf(document: unknown, status: number): ApiErrorObject[] {
  const errors = (document as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors as ApiErrorObject[];
  return [
    {
      status: String(status),
      code: `http_${status}`,
      detail: status >= 500 ? internalErrorText() : httpErrorText(status),
    },
  ];
}

/** The signed-in user as the shell needs it: `GET /api/userprofile`, flattened. */
export type CurrentUser = {
  id: string;
  username: string;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  email: string;
  avatarUrl: string | null;
  /** An administrator set the password: the user may only change it (RequireUser sends them there). */
  mustChangePassword: boolean;
  permissions: string[];
  /**
   * What the user may do to themselves and in the workspace (`meta.abilities`), as the server's
   * policies say: the SPA shows a page, a level or an action from these, never from `permissions`.
   */
  abilities: ProfileAbilities;
  organization: { id: string; name: string } | null;
};

/** `GET /api/userprofile` (`UserProfile` of the OpenAPI document). */
type UserProfileDocument = { data: ApiResource<'UserProfile'> };

export const currentUserQueryKey = ['userprofile'] as const;

async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    const { data } = await apiFetch<UserProfileDocument>(apiPaths.userProfile);
    const a = data.attributes;
    return {
      id: data.id,
      username: a.username,
      namePrefix: a.namePrefix ?? null,
      firstName: a.firstName,
      middleName: a.middleName ?? null,
      lastName: a.lastName,
      nameSuffix: a.nameSuffix ?? null,
      email: a.email,
      avatarUrl: a.avatarUrl ?? null,
      mustChangePassword: a.mustChangePassword ?? false,
      permissions: data.meta.permissions,
      abilities: data.meta.abilities,
      organization: data.meta.organization,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The signed-in user: `data` is the user, `null` when signed out (401), `undefined` while loading
 * or when the profile could not be read (`error` says why). `RequireUser` turns `null` into a
 * redirect to the sign-in page.
 */
export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: fetchCurrentUser,
    staleTime: 5 * 60_000,
    // Several components read the user; each mounting must not refetch a failed profile (a refetch
    // without data shows the loader again, which remounts them: a loop).
    retryOnMount: false,
  });
}

/** The cursor a pagination link carries (`page[after]` of links.next, `page[before]` of links.prev). */
export function cursorOf(link: string | undefined, parameter: string): string | undefined {
  if (!link) return undefined;
  return new URL(link, 'http://localhost').searchParams.get(parameter) ?? undefined;
}
