import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '@/lib/api-client';
import { meQueryKey } from './session';

export async function logout(): Promise<void> {
  await apiRequest('/auth/logout', { method: 'POST' });
}

/**
 * Signs out and forgets every cached server answer of the old session.
 * `onSignedOut` runs right after the session is dropped from the cache and
 * before anything re-renders, so the caller can leave the signed-in pages
 * before they notice the session is gone (and ask to come back to them).
 */
export function useLogout({ onSignedOut }: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // The session is gone from the cache before the caller navigates, so the
      // sign-in page (mounted by that navigation) reads "nobody signed in"
      // rather than the old session, which would send it back to the app. The
      // signed-in pages hear of the change a tick later, once they are unmounted.
      setCsrfToken(null);
      queryClient.setQueryData(meQueryKey, null);
      onSignedOut?.();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
