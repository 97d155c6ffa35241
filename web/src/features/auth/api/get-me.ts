import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError, setCsrfToken } from '@/lib/api-client';
import { meQueryKey, rememberSession, sessionSchema, type Session } from './session';

/** The signed-in session, or null when nobody is signed in (401). */
export async function getMe(signal?: AbortSignal): Promise<Session | null> {
  try {
    return rememberSession(await apiRequest('/me', { schema: sessionSchema, signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}
