// Staff and admins credit a customer's balance (POST /admin/accounts/{id}/top-ups).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { moneySchema } from '@/lib/money';
import { consoleKeys } from './query-keys';

const topUpSchema = z.object({
  entry: z.object({ id: z.number().int(), amount: moneySchema }).loose(),
});

export interface TopUpInput {
  accountId: number;
  amountMinor: number;
  note: string;
}

/** Adds a top-up to the account's ledger, then reloads the account (its balance). */
export function useTopUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ accountId, amountMinor, note }: TopUpInput) =>
      (
        await apiRequest(`/admin/accounts/${accountId}/top-ups`, {
          method: 'POST',
          body: note ? { amount_minor: amountMinor, note } : { amount_minor: amountMinor },
          schema: topUpSchema,
        })
      ).entry,
    onSuccess: (_entry, { accountId }) => {
      void queryClient.invalidateQueries({ queryKey: consoleKeys.account(accountId) });
    },
  });
}
