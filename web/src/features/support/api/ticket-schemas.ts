// The ticket and message shapes of the API contract (docs: API.md, "Support tickets").
import { z } from 'zod';
import { attachmentSchema, type Attachment } from '@/lib/attachments/attachment-schema';

export const ticketStatusSchema = z.enum(['on_customer', 'done']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const requestTypeSchema = z.enum(['critical', 'question', 'feature_request']);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const ticketSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: ticketStatusSchema,
  category: requestTypeSchema,
  account_id: z.number().int(),
  account_name: z.string(),
  employee_id: z.number().int().nullable(),
  chat_url: z.string().nullable(),
  follow_up_of: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
  last_message_at: z.string(),
  message_count: z.number().int().nonnegative(),
  unread_count: z.number().int().nonnegative(),
  awaiting: z.enum(['team', 'customer']).nullable(),
  reply_due_at: z.string().nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export { attachmentSchema, type Attachment };

export const messageSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  body: z.string(),
  created_at: z.string(),
  author: z.object({
    id: z.number().int(),
    name: z.string(),
    side: z.enum(['customer', 'team']),
  }),
  attachments: z.array(attachmentSchema),
  /** Tickets mentioned as `#<id>` in the body that the reader may open. */
  references: z.array(z.number().int()),
});
export type Message = z.infer<typeof messageSchema>;

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const ticketListSchema = listSchema(ticketSchema);
export type TicketPage = z.infer<typeof ticketListSchema>;

export const ticketEnvelopeSchema = z.object({ ticket: ticketSchema });
