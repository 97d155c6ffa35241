// Settings → Integrations (docs/integrations.md): the account's API keys and webhook
// endpoints with their delivery log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'read_write']),
  state: z.enum(['active', 'expired', 'revoked']),
  created_by: z.object({ id: z.number().int(), name: z.string() }),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;
const keyListSchema = z.object({ items: z.array(apiKeySchema), next_cursor: z.null() });
const createdKeySchema = z.object({ api_key: apiKeySchema, secret: z.string() });
const keyEnvelopeSchema = z.object({ api_key: apiKeySchema });

export const WEBHOOK_EVENTS = [
  'chat.created',
  'chat.message_created',
  'chat.needs_human',
  'ticket.message_created',
  'ticket.updated',
  'balance.low',
  'budget.threshold_reached',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const endpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable(),
  failing_since: z.string().nullable(),
  previous_secret_expires_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WebhookEndpoint = z.infer<typeof endpointSchema>;
const endpointListSchema = z.object({ items: z.array(endpointSchema), next_cursor: z.null() });
const endpointEnvelopeSchema = z.object({ endpoint: endpointSchema });
const endpointWithSecretSchema = z.object({ endpoint: endpointSchema, secret: z.string() });

export const attemptSchema = z.object({
  attempt: z.number().int(),
  started_at: z.string(),
  duration_ms: z.number().int(),
  request_headers: z.string(),
  response_status: z.number().int().nullable(),
  response_head: z.string(),
  error: z.string().nullable(),
});
export const deliverySchema = z.object({
  id: z.number().int(),
  endpoint_id: z.number().int(),
  webhook_id: z.string(),
  event_type: z.string(),
  payload: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  log: z.array(attemptSchema),
});
export type WebhookDelivery = z.infer<typeof deliverySchema>;
const deliveryListSchema = z.object({ items: z.array(deliverySchema), next_cursor: z.string().nullable() });
const deliveryEnvelopeSchema = z.object({ delivery: deliverySchema });

export const integrationKeys = {
  apiKeys: ['integrations', 'api-keys'] as const,
  webhooks: ['integrations', 'webhooks'] as const,
  deliveries: (id: number) => ['integrations', 'webhooks', id, 'deliveries'] as const,
};

export function useApiKeys() {
  return useQuery({
    queryKey: integrationKeys.apiKeys,
    queryFn: async ({ signal }) => (await apiRequest('/api-keys', { schema: keyListSchema, signal })).items,
  });
}

export interface NewApiKey {
  name: string;
  scope: 'read' | 'read_write';
  expires_in_days: 30 | 90 | 365 | null;
  password: string;
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) =>
      apiRequest('/api-keys', { method: 'POST', body: input, schema: createdKeySchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      (await apiRequest(`/api-keys/${id}/revoke`, { method: 'POST', schema: keyEnvelopeSchema })).api_key,
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.apiKeys }),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: integrationKeys.webhooks,
    queryFn: async ({ signal }) => (await apiRequest('/webhooks', { schema: endpointListSchema, signal })).items,
  });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { url: string; description: string; events: WebhookEvent[] }) =>
      apiRequest('/webhooks', { method: 'POST', body: input, schema: endpointWithSecretSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.webhooks }),
  });
}

export function useChangeWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...change }: { id: number; enabled?: boolean }) =>
      (await apiRequest(`/webhooks/${id}`, { method: 'PATCH', body: change, schema: endpointEnvelopeSchema })).endpoint,
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.webhooks }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.webhooks }),
  });
}

export function useRotateWebhookSecret() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiRequest(`/webhooks/${id}/rotate-secret`, { method: 'POST', schema: endpointWithSecretSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: integrationKeys.webhooks }),
  });
}

export function useDeliveries(id: number, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: integrationKeys.deliveries(id),
    queryFn: async ({ signal }) =>
      (await apiRequest(`/webhooks/${id}/deliveries?limit=20`, { schema: deliveryListSchema, signal })).items,
    enabled,
    // Pending tries change without events: refreshed while the log is open.
    refetchInterval: 3000,
  });
}

export function useSendTestEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      (await apiRequest(`/webhooks/${id}/test`, { method: 'POST', schema: deliveryEnvelopeSchema })).delivery,
    onSuccess: (_d, id) => client.invalidateQueries({ queryKey: integrationKeys.deliveries(id) }),
  });
}

export function useResendDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ endpoint, delivery }: { endpoint: number; delivery: number }) =>
      (
        await apiRequest(`/webhooks/${endpoint}/deliveries/${delivery}/resend`, {
          method: 'POST',
          schema: deliveryEnvelopeSchema,
        })
      ).delivery,
    onSuccess: (_d, v) => client.invalidateQueries({ queryKey: integrationKeys.deliveries(v.endpoint) }),
  });
}
