import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '@/lib/api-client';
import { meQueryKey } from './session';

export async function logout(): Promise<void> {
  await apiRequest('/auth/logout', { method: 'POST' });
}

/**
 * Signs out and forgets every cached server answer of the old session.
 * `onSignedOut` runs first, so the caller can leave the signed-in pages
 * before they notice the session is gone (and ask to come back to them).
 */
export function useLogout({ onSignedOut }: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      onSignedOut?.();
      setCsrfToken(null);
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
