// The AI employees, chats and billing schemas of the web app against the
// server's published API description (src/http/openapi.json): same fields,
// same required ones. The web app also understands two optional fields the
// server may add later (`seq` on deltas, `reply_id` on stored replies).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import openapiText from '../../../src/http/openapi.json?raw';
import { balanceSchema } from '@/features/billing/api/get-balance';
import { employeeSchema, knowledgeItemSchema, modelSchema } from '@/features/employees/api/employee-schemas';
import { financeLedgerEntrySchema, financeSummarySchema, topChatsSchema, usageSchema } from '@/features/finance/api/finance-api';
import { chatEventSchema } from '@/features/chats/api/chat-events';
import { chatMessageSchema, chatSchema, passageSchema } from '@/features/chats/api/chat-schemas';

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
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

const OPTIONAL_EXTRAS = ['seq', 'reply_id'];

function fieldsOf(schema: z.ZodObject) {
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape).filter((key) => !(OPTIONAL_EXTRAS.includes(key) && shape[key]?.safeParse(undefined).success));
  return {
    all: keys.sort(),
    required: keys.filter((key) => !shape[key]?.safeParse(undefined).success).sort(),
  };
}

describe('AI employee, chat and billing schemas match openapi.json', () => {
  it.each([
    ['Employee', employeeSchema],
    ['Model', modelSchema],
    ['KnowledgeItem', knowledgeItemSchema],
    ['Chat', chatSchema],
    ['ChatMessage', chatMessageSchema],
    ['Passage', passageSchema],
    ['Balance', balanceSchema],
    ['FinanceSummary', financeSummarySchema],
    ['FinanceUsage', usageSchema],
    ['FinanceLedgerEntry', financeLedgerEntrySchema],
    ['FinanceTopChats', topChatsSchema],
  ] as const)('%s has the published fields', (name, schema) => {
    const spec = published(name);
    const ours = fieldsOf(schema);
    expect(ours.all).toEqual(Object.keys(spec.properties ?? {}).sort());
    expect(ours.required).toEqual([...(spec.required ?? [])].sort());
  });

  it('understands every published chat event, with its fields', () => {
    const events = (published('Event').oneOf ?? [])
      .map((ref) => published(ref.$ref.split('/').at(-1) ?? ''))
      .filter((event) => String(event.properties?.type?.const).startsWith('chat.'));
    const ours = chatEventSchema.options;
    expect(ours.map((option) => option.shape.type.value).sort()).toEqual(
      events.map((event) => event.properties?.type?.const).sort(),
    );
    for (const option of ours) {
      const spec = events.find((event) => event.properties?.type?.const === option.shape.type.value);
      expect(fieldsOf(option).all).toEqual(Object.keys(spec?.properties ?? {}).sort());
    }
  });
});
