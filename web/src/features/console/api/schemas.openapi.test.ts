// The console's schemas against the server's published API description
// (src/http/openapi.json): same fields, same required ones, same enums.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import openapiText from '../../../../../src/http/openapi.json?raw';
import { consoleEventSchema } from './console-events';
import {
  accountDetailsSchema,
  accountEmployeeSchema,
  agentSchema,
  cannedReplySchema,
  historyEntrySchema,
  noteSchema,
  queueSummarySchema,
  slaSchema,
  slaStateSchema,
  staffTicketSchema,
  viewerSchema,
} from './schemas';

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

describe('console schemas match openapi.json', () => {
  it('a staff ticket has every published Ticket field, the staff ones included', () => {
    const spec = published('Ticket');
    expect(fieldsOf(staffTicketSchema).all).toEqual(Object.keys(spec.properties ?? {}).sort());
    expect(fieldsOf(staffTicketSchema).required).toEqual(expect.arrayContaining(spec.required ?? []));
  });

  it.each([
    ['Sla', slaSchema],
    ['Note', noteSchema],
    ['CannedReply', cannedReplySchema],
    ['Agent', agentSchema],
    ['QueueSummary', queueSummarySchema],
    ['HistoryEntry', historyEntrySchema],
    ['Viewer', viewerSchema],
  ] as const)('%s has the published fields', (name, schema) => {
    const spec = published(name);
    expect(fieldsOf(schema).all).toEqual(Object.keys(spec.properties ?? {}).sort());
    expect(fieldsOf(schema).required).toEqual([...(spec.required ?? [])].sort());
  });

  it('reads the account context as published: employees and the balance as money', () => {
    const spec = published('AccountContext');
    expect(fieldsOf(accountDetailsSchema).all).toEqual(Object.keys(spec.properties ?? {}).sort());
    const employee = (spec.properties?.employees as { items?: JsonSchema } | undefined)?.items ?? {};
    expect(fieldsOf(accountEmployeeSchema).all).toEqual(Object.keys(employee.properties ?? {}).sort());
    expect(accountEmployeeSchema.shape.status.options).toEqual(employee.properties?.status?.enum);
    expect((spec.properties?.balance as { $ref?: string } | undefined)?.$ref).toBe('#/components/schemas/Money');
  });

  it('has the published SLA states', () => {
    expect(slaStateSchema.options).toEqual(published('Sla').properties?.state?.enum);
  });

  it('understands every published non-chat event type, with its fields', () => {
    // chat.* events are the chats feature's (features/chats); the console reads the others.
    const events = (published('Event').oneOf ?? [])
      .map((ref) => published(ref.$ref.split('/').at(-1) ?? ''))
      .filter((event) => !event.properties?.type?.const?.startsWith('chat.'));
    const ours = consoleEventSchema.options;
    expect(ours.map((option) => option.shape.type.value).sort()).toEqual(
      events.map((event) => event.properties?.type?.const).sort(),
    );
    for (const option of ours) {
      const spec = events.find((event) => event.properties?.type?.const === option.shape.type.value);
      expect(fieldsOf(option).all).toEqual(Object.keys(spec?.properties ?? {}).sort());
    }
  });
});
