import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, currentUserQueryKey } from './api';

/**
 * One QueryClient for the app. A 401 from any request means the session is over: the current
 * user becomes `null`, and `RequireUser` sends the visitor to the sign-in page (and back after).
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onApiError(error) }),
    mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; a network blip or a 5xx might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });

  function onApiError(error: unknown) {
    if (error instanceof ApiError && error.status === 401) client.setQueryData(currentUserQueryKey, null);
  }

  return client;
}
