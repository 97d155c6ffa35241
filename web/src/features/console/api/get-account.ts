import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { consoleKeys } from './query-keys';
import { accountDetailsSchema } from './schemas';

/** A customer account as the team sees it: its people, tickets, AI employees and balance. */
export function useAccountDetails(accountId: number) {
  return useQuery({
    queryKey: consoleKeys.account(accountId),
    queryFn: ({ signal }) => apiRequest(`/support/accounts/${accountId}`, { schema: accountDetailsSchema, signal }),
  });
}
