// The AI employee, model and knowledge shapes of the API contract (docs/ai-employees-ui.md).
import { z } from 'zod';
import { moneySchema } from '@/lib/money';

export const employeeStatusSchema = z.enum(['active', 'paused']);
export type EmployeeStatus = z.infer<typeof employeeStatusSchema>;

export const employeeSchema = z.object({
  id: z.number().int(),
  account_id: z.number().int(),
  name: z.string(),
  role: z.string(),
  avatar_url: z.string().nullable(),
  instructions: z.string(),
  greeting: z.string(),
  model: z.string(),
  temperature: z.number(),
  reply_word_limit: z.number().int().nonnegative(),
  status: employeeStatusSchema,
  channels: z.array(z.unknown()),
  knowledge_count: z.number().int().nonnegative(),
  words_this_month: z.number().int().nonnegative(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Employee = z.infer<typeof employeeSchema>;

export const employeeListSchema = z.object({ items: z.array(employeeSchema) });
export const employeeEnvelopeSchema = z.object({ employee: employeeSchema });

export const modelSchema = z.object({
  id: z.string(),
  name: z.string(),
  price_per_1000_words: moneySchema,
  default: z.boolean(),
});
export type Model = z.infer<typeof modelSchema>;
export const modelListSchema = z.object({ items: z.array(modelSchema) });

export const knowledgeItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['qa', 'document']),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type KnowledgeItem = z.infer<typeof knowledgeItemSchema>;
export const knowledgeListSchema = z.object({ items: z.array(knowledgeItemSchema), next_cursor: z.string().nullable() });
export type KnowledgePage = z.infer<typeof knowledgeListSchema>;
export const knowledgeEnvelopeSchema = z.object({ item: knowledgeItemSchema });
