import { QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '@/features/auth/api/session';
import { isApiError } from '@/lib/api-client';
import { queryDefaults } from '@/lib/react-query';

/**
 * The app's query client. A 401 from any request means the session ended
 * (expired or revoked elsewhere): forget the user so the app asks to sign in.
 */
export function createAppQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: queryDefaults,
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === meQueryKey[0]) return;
        if (isApiError(error) && error.status === 401) client.setQueryData(meQueryKey, null);
      },
    }),
  });
  return client;
}
