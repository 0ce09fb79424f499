import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api';

/*
 * The `users` resource as every page reads it: the user pages, the Send Email dialog (my own
 * addresses), the audit log. It lives in the shell so that features the user page is built from
 * (activities, calendar, tasks) read it without importing the users feature.
 */

/** A `users` resource as `GET /api/users/{id}` answers it. */
export type UserResource = {
  type: 'users';
  id: string;
  attributes: {
    username: string;
    namePrefix: string | null;
    firstName: string;
    middleName: string | null;
    lastName: string;
    nameSuffix: string | null;
    fullName: string;
    birthday: string | null;
    email: string;
    additionalEmails: { email: string; verified: boolean }[];
    phone: string | null;
    status: 'active' | 'reset' | 'disabled';
    enabled: boolean;
    mustChangePassword: boolean;
    lastSignInAt: string | null;
    signInCount: number;
    createdAt: string;
    updatedAt: string;
    customFields: Record<string, string | number | boolean>;
    avatarUrl?: string | null;
  };
  relationships: {
    roles: { data: { type: 'roles'; id: string }[] };
    organizations: { data: { type: 'organizations'; id: string }[] };
  };
  links: { self: string; avatar?: string; avatarSmall?: string };
  /** The ETag, to send back in If-Match. */
  meta: { etag: string };
};

export const userUrl = (id: string) => `/api/users/${encodeURIComponent(id)}`;
export const userQueryKey = (id: string) => ['users', id] as const;

/** `GET /api/users/{id}` (`me` for the signed-in user). */
export function useUser(id: string) {
  return useQuery({
    queryKey: userQueryKey(id),
    queryFn: async () => (await apiFetch<{ data: UserResource }>(userUrl(id))).data,
  });
}
