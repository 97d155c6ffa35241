// The web app's schemas against the server's published API description
// (src/http/openapi.json in the repository): same fields, same required ones,
// same enum values. A field renamed on either side fails here, not in a browser.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import openapiText from '../../../../../src/http/openapi.json?raw';
import { ticketsSummarySchema } from './get-tickets-summary';
import { ticketEventSchema } from './ticket-events';
import {
  attachmentSchema,
  messageSchema,
  requestTypeSchema,
  ticketSchema,
  ticketStatusSchema,
} from './ticket-schemas';

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
  enum?: string[];
  const?: string;
  oneOf?: { $ref: string }[];
}

const schemas = (JSON.parse(openapiText) as { components: { schemas: Record<string, JsonSchema> } }).components
  .schemas;

function published(name: string): JsonSchema {
  const schema = schemas[name];
  if (!schema) throw new Error(`openapi.json has no schema ${name}`);
  return schema;
}

function fieldsOf(schema: z.ZodObject) {
  const shape = schema.shape as Record<string, z.ZodType>;
  return {
    all: Object.keys(shape).sort(),
    required: Object.keys(shape)
      .filter((key) => !shape[key]?.safeParse(undefined).success)
      .sort(),
  };
}

// Staff callers get more (docs/support-console.md); the console has its own schemas.
const STAFF_ONLY_TICKET_FIELDS = ['account', 'assignee', 'note_count', 'sla'];
const STAFF_ONLY_EVENTS = ['ticket.note_created', 'ticket.presence', 'ticket.sla_breached'];

describe('schemas match openapi.json', () => {
  it('Ticket has the published fields a customer gets', () => {
    const spec = published('Ticket');
    const ours = fieldsOf(ticketSchema);
    expect(ours.all).toEqual(
      Object.keys(spec.properties ?? {})
        .filter((field) => !STAFF_ONLY_TICKET_FIELDS.includes(field))
        .sort(),
    );
    expect(ours.required).toEqual([...(spec.required ?? [])].sort());
  });

  it.each([
    ['Message', messageSchema],
    ['Attachment', attachmentSchema],
    ['TicketSummary', ticketsSummarySchema],
  ] as const)('%s has the published fields', (name, schema) => {
    const spec = published(name);
    const ours = fieldsOf(schema);
    expect(ours.all).toEqual(Object.keys(spec.properties ?? {}).sort());
    expect(ours.required).toEqual([...(spec.required ?? [])].sort());
  });

  it('has the published statuses and request types', () => {
    expect(ticketStatusSchema.options).toEqual(published('TicketStatus').enum);
    expect(requestTypeSchema.options).toEqual(published('TicketCategory').enum);
  });

  it('understands every published event type, with its fields', () => {
    const published_ = (published('Event').oneOf ?? [])
      .map((ref) => published(ref.$ref.split('/').at(-1) ?? ''))
      .filter((event) => !STAFF_ONLY_EVENTS.includes(event.properties?.type?.const ?? ''))
      // Chat events belong to the chats feature (checked there).
      .filter((event) => !String(event.properties?.type?.const).startsWith('chat.'));
    const ours = ticketEventSchema.options;
    expect(ours.map((option) => option.shape.type.value).sort()).toEqual(
      published_.map((event) => event.properties?.type?.const).sort(),
    );
    for (const option of ours) {
      const spec = published_.find((event) => event.properties?.type?.const === option.shape.type.value);
      expect(fieldsOf(option).all).toEqual(Object.keys(spec?.properties ?? {}).sort());
    }
  });
});
