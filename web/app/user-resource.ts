import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api';
import { apiPaths } from './api-paths';
import type { ApiResource } from './api-types';

/*
 * The `users` resource as every page reads it: the user pages, the Send Email dialog (my own
 * addresses), the audit log. It lives in the shell so that features the user page is built from
 * (activities, calendar, tasks) read it without importing the users feature.
 */

/**
 * A `users` resource as `GET /api/users/{id}` answers it (`UserWithVersion` of the OpenAPI
 * document): the ETag in `meta.etag`, what the viewer may do to the user in `meta.abilities`.
 */
export type UserResource = ApiResource<'UserWithVersion'>;

export const userUrl = apiPaths.user;
export const userQueryKey = (id: string) => ['users', id] as const;

/** `GET /api/users/{id}` (`me` for the signed-in user). */
export function useUser(id: string) {
  return useQuery({
    queryKey: userQueryKey(id),
    queryFn: async () => (await apiFetch<{ data: UserResource }>(userUrl(id))).data,
  });
}
