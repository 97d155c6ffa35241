import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { viewerSchema, type Viewer } from './schemas';

export type PresenceState = 'viewing' | 'typing' | 'left';

const viewersSchema = z.object({ viewers: z.array(viewerSchema) });

/** A heartbeat: the agent is on the ticket (or typing, or gone); answers who else is. */
export async function sendPresence(ticketId: number, state: PresenceState): Promise<Viewer[]> {
  const { viewers } = await apiRequest(`/tickets/${ticketId}/presence`, {
    method: 'POST',
    body: { state },
    schema: viewersSchema,
  });
  return viewers;
}
