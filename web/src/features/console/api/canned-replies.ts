import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { consoleKeys } from './query-keys';
import { cannedReplySchema, type CannedReply } from './schemas';

const cannedListSchema = z.object({ items: z.array(cannedReplySchema) });
const cannedEnvelopeSchema = z.object({ canned_reply: cannedReplySchema });

/** The agent's own canned replies and the shared ones, by title. */
export function useCannedReplies() {
  return useQuery({
    queryKey: consoleKeys.canned(),
    queryFn: async ({ signal }) =>
      (await apiRequest('/support/canned-replies', { schema: cannedListSchema, signal })).items,
  });
}

export interface CannedInput {
  title: string;
  body: string;
  shortcut: string | null;
  shared: boolean;
}

function byTitle(replies: CannedReply[]): CannedReply[] {
  return [...replies].sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id);
}

export function useSaveCanned() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: number | null; input: CannedInput }) => {
      const body = { ...input, shortcut: input.shortcut ?? undefined };
      const { canned_reply } = await apiRequest(id === null ? '/support/canned-replies' : `/support/canned-replies/${id}`, {
        method: id === null ? 'POST' : 'PATCH',
        body: id === null ? body : { ...input },
        schema: cannedEnvelopeSchema,
      });
      return canned_reply;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<CannedReply[]>(consoleKeys.canned(), (replies) =>
        replies ? byTitle([...replies.filter((reply) => reply.id !== saved.id), saved]) : replies,
      );
    },
  });
}

export function useDeleteCanned() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/support/canned-replies/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<CannedReply[]>(consoleKeys.canned(), (replies) =>
        replies?.filter((reply) => reply.id !== id),
      );
    },
  });
}

const renderedSchema = z.object({ body: z.string() });

/** The reply's text with the ticket's placeholders filled in by the server. */
export async function renderCanned(id: number, ticketId: number): Promise<string> {
  const { body } = await apiRequest(`/support/canned-replies/${id}/render`, {
    method: 'POST',
    body: { ticket_id: ticketId },
    schema: renderedSchema,
  });
  return body;
}
