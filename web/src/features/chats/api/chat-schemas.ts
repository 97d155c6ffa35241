// The chat and chat message shapes of the API contract (docs/ai-employees-ui.md).
import { z } from 'zod';
import { moneySchema } from '@/lib/money';

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const chatStatusSchema = z.enum(['ai', 'human']);

export const chatSchema = z.object({
  id: z.number().int(),
  account_id: z.number().int(),
  employee: z.object({ id: z.number().int(), name: z.string() }),
  source: z.string(),
  url: z.string(),
  status: chatStatusSchema,
  needs_human: z.boolean(),
  handoff_reason: z.string().nullable(),
  client_name: z.string(),
  message_count: z.number().int().nonnegative(),
  last_message_at: z.string().nullable(),
  created_at: z.string(),
});
export type Chat = z.infer<typeof chatSchema>;

export const authorKindSchema = z.enum(['client', 'employee', 'operator', 'system']);
export type AuthorKind = z.infer<typeof authorKindSchema>;

export const passageSchema = z.object({
  kind: z.enum(['qa', 'document']),
  title: z.string(),
  text: z.string(),
  score: z.number(),
});
export type Passage = z.infer<typeof passageSchema>;

export const chatMessageSchema = z.object({
  id: z.number().int(),
  chat_id: z.number().int(),
  author: z.object({ kind: authorKindSchema, name: z.string(), user_id: z.number().int().nullable() }),
  text: z.string(),
  created_at: z.string(),
  words: z.number().int().nonnegative(),
  cost: moneySchema.nullable(),
  /** Nothing was charged: client, operator and system messages, and a handoff notice. */
  free: z.boolean(),
  passages: z.array(passageSchema),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatListSchema = listSchema(chatSchema);
export type ChatPage = z.infer<typeof chatListSchema>;
export const chatMessageListSchema = listSchema(chatMessageSchema);
export const chatEnvelopeSchema = z.object({ chat: chatSchema });
export const messageEnvelopeSchema = z.object({ message: chatMessageSchema });
