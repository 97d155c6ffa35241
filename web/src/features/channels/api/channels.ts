// The account's channels (docs/channels.md): list, connect, pause/resume, switch, disconnect.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const channelSchema = z.object({
  id: z.number().int(),
  account_id: z.number().int(),
  employee_id: z.number().int(),
  kind: z.enum(['telegram', 'widget']),
  mode: z.enum(['polling', 'webhook']),
  status: z.enum(['connected', 'paused', 'error']),
  name: z.string(),
  url: z.string(),
  token_hint: z.string(),
  last_error: z.string().nullable(),
  last_error_at: z.string().nullable(),
  last_update_at: z.string().nullable(),
  messages_in_today: z.number().int(),
  messages_out_today: z.number().int(),
  webhook_pending_updates: z.number().int(),
  created_at: z.string(),
});
export type Channel = z.infer<typeof channelSchema>;
const listSchema = z.object({ items: z.array(channelSchema), next_cursor: z.null() });
const envelopeSchema = z.object({ channel: channelSchema });

export const channelKeys = { list: ['channels', 'list'] as const };

export function useChannelList({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: channelKeys.list,
    queryFn: async ({ signal }) => (await apiRequest('/channels', { schema: listSchema, signal })).items,
    // Status and counters change without events: refreshed while the screen is open.
    refetchInterval: 5000,
    enabled,
  });
}

export function useConnectChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { token: string; employee_id: number }) =>
      (await apiRequest('/channels', { method: 'POST', body: input, schema: envelopeSchema })).channel,
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.list }),
  });
}

export function useChangeChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...change }: { id: number; status?: 'paused' | 'connected'; employee_id?: number }) =>
      (await apiRequest(`/channels/${id}`, { method: 'PATCH', body: change, schema: envelopeSchema })).channel,
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.list }),
  });
}

export function useDisconnectChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/channels/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.list }),
  });
}
