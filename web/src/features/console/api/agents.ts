import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { consoleKeys } from './query-keys';
import { agentSchema, type Agent } from './schemas';

const agentsSchema = z.object({ items: z.array(agentSchema) });

/** The active support team, with who is on shift. */
export function useAgents() {
  return useQuery({
    queryKey: consoleKeys.agents(),
    queryFn: async ({ signal }) => (await apiRequest('/support/agents', { schema: agentsSchema, signal })).items,
  });
}

const shiftSchema = z.object({ on_shift: z.boolean() });

export function useSetShift(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (onShift: boolean) =>
      apiRequest('/support/shift', { method: 'PUT', body: { on_shift: onShift }, schema: shiftSchema }),
    onSuccess: ({ on_shift }) => {
      queryClient.setQueryData<Agent[]>(consoleKeys.agents(), (agents) =>
        agents?.map((agent) => (agent.id === userId ? { ...agent, on_shift } : agent)),
      );
    },
  });
}
