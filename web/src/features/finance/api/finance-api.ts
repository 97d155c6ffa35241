// The Finance API (docs/finance.md): one schema, fetcher and hook per endpoint.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { moneySchema } from '@/lib/money';

const totals = {
  replies: z.number().int(),
  ai_words: z.number().int(),
  client_words: z.number().int(),
  spent: moneySchema,
};
const monthSchema = z.object({ ...totals, from: z.string(), to: z.string() });

export const financeSummarySchema = z.object({
  account_id: z.number().int(),
  time_zone: z.string(),
  balance: moneySchema,
  spent_last_7_days: moneySchema,
  forecast_days: z.number().int().nullable(),
  this_month: monthSchema,
  last_month: monthSchema,
  caps: z.array(
    z.object({
      employee_id: z.number().int().nullable(),
      employee_name: z.string().nullable(),
      monthly_cap: moneySchema,
      spent_this_month: moneySchema,
      reached: z.boolean(),
    }),
  ),
  stopped: z.array(z.object({ employee_id: z.number().int().nullable(), reason: z.enum(['balance', 'account_cap', 'employee_cap']) })),
  alerts: z.object({ low_balance: moneySchema.nullable(), low_balance_days: z.number().int().nullable() }),
  unread_notifications: z.number().int(),
});
export type FinanceSummary = z.infer<typeof financeSummarySchema>;

const usageCell = z.object({ replies: z.number().int(), ai_words: z.number().int(), client_words: z.number().int(), cost: moneySchema });
export const usageSchema = z.object({
  from: z.string(),
  to: z.string(),
  time_zone: z.string(),
  group_by: z.enum(['employee', 'channel', 'model']),
  keys: z.array(z.object({ key: z.string(), label: z.string() })),
  days: z.array(z.object({ ...totals, day: z.string(), by: z.record(z.string(), usageCell) })),
  totals: z.object(totals),
});
export type Usage = z.infer<typeof usageSchema>;
export type GroupBy = Usage['group_by'];

export const financeLedgerEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['charge', 'top_up']),
  amount: moneySchema,
  words: z.number().int(),
  model: z.string().nullable(),
  employee_id: z.number().int().nullable(),
  chat_id: z.number().int().nullable(),
  message_id: z.number().int().nullable(),
  note: z.string(),
  created_at: z.string(),
  channel: z.string().nullable(),
  employee_name: z.string().nullable(),
  message_url: z.string().nullable(),
});
export type FinanceLedgerEntry = z.infer<typeof financeLedgerEntrySchema>;
const ledgerListSchema = z.object({ items: z.array(financeLedgerEntrySchema), next_cursor: z.string().nullable() });

export const topChatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  time_zone: z.string(),
  items: z.array(
    z.object({
      chat_id: z.number().int(),
      url: z.string(),
      employee_id: z.number().int(),
      employee_name: z.string(),
      client_name: z.string(),
      channel: z.string(),
      replies: z.number().int(),
      ai_words: z.number().int(),
      spent: moneySchema,
    }),
  ),
});

/** What every Finance query is filtered by; empty strings mean "all". */
export interface FinanceFilter {
  accountId?: number;
  from: string;
  to: string;
  employeeId: string;
  channel: string;
  model: string;
}

export function financeQuery(filter: Partial<FinanceFilter>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.accountId) params.set('account_id', String(filter.accountId));
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.employeeId) params.set('employee_id', filter.employeeId);
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.model) params.set('model', filter.model);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const financeKeys = {
  all: ['finance'] as const,
  summary: (accountId?: number) => ['finance', 'summary', accountId ?? 0] as const,
};

export function useFinanceSummary(accountId?: number) {
  return useQuery({
    queryKey: financeKeys.summary(accountId),
    queryFn: ({ signal }) => apiRequest(`/finance/summary${financeQuery({ accountId })}`, { schema: financeSummarySchema, signal }),
  });
}

export function useUsage(filter: FinanceFilter, groupBy: GroupBy, enabled: boolean) {
  const query = financeQuery(filter, { group_by: groupBy });
  return useQuery({
    queryKey: ['finance', 'usage', query],
    queryFn: ({ signal }) => apiRequest(`/finance/usage${query}`, { schema: usageSchema, signal }),
    enabled,
  });
}

export function useLedger(filter: FinanceFilter, kind: string, enabled: boolean) {
  const query = financeQuery(filter, { kind, limit: '50' });
  return useQuery({
    queryKey: ['finance', 'ledger', query],
    queryFn: ({ signal }) => apiRequest(`/finance/ledger${query}`, { schema: ledgerListSchema, signal }),
    enabled,
  });
}

export function useTopChats(filter: FinanceFilter, enabled: boolean) {
  const query = financeQuery(filter);
  return useQuery({
    queryKey: ['finance', 'top-chats', query],
    queryFn: ({ signal }) => apiRequest(`/finance/top-chats${query}`, { schema: topChatsSchema, signal }),
    enabled,
  });
}

export function csvUrl(what: 'ledger' | 'usage', filter: FinanceFilter, extra: Record<string, string>): string {
  return `/api/v1/finance/${what}.csv${financeQuery(filter, extra)}`;
}

/** Sets (a number of kopecks) or removes (null) the cap of `scope`: "account" or an employee id. */
export function useSetCap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, minor }: { scope: string; minor: number | null }) =>
      minor === null
        ? apiRequest(`/finance/caps/${scope}`, { method: 'DELETE', schema: financeSummarySchema })
        : apiRequest(`/finance/caps/${scope}`, { method: 'PUT', body: { monthly_cap_minor: minor }, schema: financeSummarySchema }),
    onSuccess: () => void client.invalidateQueries({ queryKey: financeKeys.all }),
  });
}

const employeeOptionsSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), name: z.string() }).loose()),
  next_cursor: z.string().nullable(),
});

/** The account's AI employees (names for filters and per-employee caps); customers only. */
export function useEmployeeOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['finance', 'employees'],
    queryFn: async ({ signal }) => (await apiRequest('/employees?limit=100', { schema: employeeOptionsSchema, signal })).items,
    enabled,
  });
}
