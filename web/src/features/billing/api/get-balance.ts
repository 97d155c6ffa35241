import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { moneySchema } from '@/lib/money';

export const balanceSchema = z.object({
  balance: moneySchema,
  words_this_month: z.number().int().nonnegative(),
  spent_this_month: moneySchema,
});
export type Balance = z.infer<typeof balanceSchema>;

export const balanceKey = ['billing', 'balance'] as const;

export function useBalance({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: balanceKey,
    queryFn: ({ signal }) => apiRequest('/billing/balance', { schema: balanceSchema, signal }),
    enabled,
  });
}
