// The console's shapes of the API contract for staff callers (docs:
// docs/support-console.md; the agreed console API). Staff ticket JSON is the
// customer's plus the assignee, account, SLA clock and note count.
import { z } from 'zod';
import { moneySchema } from '@/lib/money';

export const ticketStatusSchema = z.enum(['on_customer', 'done']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const requestTypeSchema = z.enum(['critical', 'question', 'feature_request']);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const personSchema = z.object({ id: z.number().int(), name: z.string() });
export type Person = z.infer<typeof personSchema>;

export const slaStateSchema = z.enum(['ok', 'warning', 'breached']);
export type SlaState = z.infer<typeof slaStateSchema>;

export const slaSchema = z.object({
  state: slaStateSchema,
  due_at: z.string(),
  /** Business seconds until the reply is due; negative once overdue. */
  business_seconds_left: z.number().int(),
});
export type Sla = z.infer<typeof slaSchema>;

export const staffTicketSchema = z.object({
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
  assignee: personSchema.nullable(),
  account: personSchema,
  sla: slaSchema.nullable(),
  note_count: z.number().int().nonnegative(),
});
export type StaffTicket = z.infer<typeof staffTicketSchema>;

export const attachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number().int().nonnegative(),
  is_image: z.boolean(),
  url: z.string(),
  thumbnail_url: z.string().nullable().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  body: z.string(),
  created_at: z.string(),
  author: z.object({ id: z.number().int(), name: z.string(), side: z.enum(['customer', 'team']) }),
  attachments: z.array(attachmentSchema),
  references: z.array(z.number().int()),
});
export type Message = z.infer<typeof messageSchema>;

export const noteSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  body: z.string(),
  author: personSchema,
  created_at: z.string(),
  attachments: z.array(attachmentSchema),
});
export type Note = z.infer<typeof noteSchema>;

export const historyEntrySchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  kind: z.string(),
  actor: personSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const cannedReplySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  shortcut: z.string().nullable(),
  shared: z.boolean(),
  owner: personSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

export const agentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  on_shift: z.boolean(),
  open_assigned: z.number().int(),
});
export type Agent = z.infer<typeof agentSchema>;

export const viewerSchema = z.object({ id: z.number().int(), name: z.string(), typing: z.boolean() });
export type Viewer = z.infer<typeof viewerSchema>;

export const queueSummarySchema = z.object({
  needs_reply: z.number().int(),
  overdue: z.number().int(),
  due_today: z.number().int(),
  mine: z.number().int(),
  unassigned: z.number().int(),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;

export const accountEmployeeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  status: z.enum(['active', 'paused']),
});
export type AccountEmployee = z.infer<typeof accountEmployeeSchema>;

export const accountDetailsSchema = z.object({
  account: z.object({ id: z.number().int(), name: z.string(), created_at: z.string() }),
  users: z.array(z.object({ id: z.number().int(), name: z.string(), email: z.string() })),
  tickets: z.array(staffTicketSchema),
  /** The account's AI employees that are not deleted, by name. */
  employees: z.array(accountEmployeeSchema),
  /** The sum of the account's ledger. */
  balance: moneySchema,
});
export type AccountDetails = z.infer<typeof accountDetailsSchema>;

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const queuePageSchema = listSchema(staffTicketSchema);
export type QueuePage = z.infer<typeof queuePageSchema>;

export const ticketEnvelopeSchema = z.object({ ticket: staffTicketSchema });
