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

describe('schemas match openapi.json', () => {
  it.each([
    ['Ticket', ticketSchema],
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

  it('understands every published ticket event type, with its fields', () => {
    // Chat events belong to the chats feature (checked there).
    const published_ = (published('Event').oneOf ?? [])
      .map((ref) => published(ref.$ref.split('/').at(-1) ?? ''))
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
