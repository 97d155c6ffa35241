// An employee's knowledge base: Q&A pairs and documents.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { uploadContentType } from '../utils/knowledge-validation';
import { knowledgeEnvelopeSchema, knowledgeListSchema, type KnowledgeItem } from './employee-schemas';
import { employeeKeys } from './query-keys';
import { uploadRaw } from './raw-upload';

export type KnowledgeInput = { kind: 'qa'; question: string; answer: string } | { kind: 'document'; title: string; text: string };

export function useKnowledge(employeeId: number) {
  return useInfiniteQuery({
    queryKey: employeeKeys.knowledge(employeeId),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: '100' });
      if (pageParam) query.set('cursor', pageParam);
      return apiRequest(`/employees/${employeeId}/knowledge?${query.toString()}`, { schema: knowledgeListSchema, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

function useKnowledgeMutation<I>(employeeId: number, run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: employeeKeys.knowledge(employeeId) });
      // knowledge_count on the employee and in the list.
      void queryClient.invalidateQueries({ queryKey: employeeKeys.detail(employeeId) });
      void queryClient.invalidateQueries({ queryKey: employeeKeys.list() });
    },
  });
}

export function useAddKnowledge(employeeId: number) {
  return useKnowledgeMutation(employeeId, async (input: KnowledgeInput): Promise<KnowledgeItem> => {
    const { item } = await apiRequest(`/employees/${employeeId}/knowledge`, {
      method: 'POST',
      body: input,
      schema: knowledgeEnvelopeSchema,
    });
    return item;
  });
}

export function useEditKnowledge(employeeId: number) {
  return useKnowledgeMutation(employeeId, async ({ id, patch }: { id: number; patch: KnowledgeInput }) => {
    // The kind of an item does not change; PATCH takes only its text fields.
    const body = patch.kind === 'qa' ? { question: patch.question, answer: patch.answer } : { title: patch.title, text: patch.text };
    const { item } = await apiRequest(`/employees/${employeeId}/knowledge/${id}`, {
      method: 'PATCH',
      body,
      schema: knowledgeEnvelopeSchema,
    });
    return item;
  });
}

export function useDeleteKnowledge(employeeId: number) {
  return useKnowledgeMutation(employeeId, (id: number) =>
    apiRequest<void>(`/employees/${employeeId}/knowledge/${id}`, { method: 'DELETE' }),
  );
}

export function useUploadKnowledge(employeeId: number) {
  return useKnowledgeMutation(employeeId, async (file: File) => {
    const { item } = await uploadRaw(
      `/employees/${employeeId}/knowledge/upload?filename=${encodeURIComponent(file.name)}`,
      file,
      uploadContentType(file.name),
      knowledgeEnvelopeSchema,
    );
    return item;
  });
}

const attachmentSchema = z.object({ attachment: z.object({ id: z.number().int() }) });

/** Uploads an image (POST /attachments) to use as an employee's avatar; resolves to its attachment id. */
export async function uploadAvatar(file: File): Promise<number> {
  const { attachment } = await uploadRaw(
    `/attachments?filename=${encodeURIComponent(file.name)}`,
    file,
    file.type === '' ? 'application/octet-stream' : file.type,
    attachmentSchema,
  );
  return attachment.id;
}
