import { describe, expect, it } from 'vitest';
import { isBalanceEvent } from './use-billing-events';

const cost = { amount_minor: 60, currency: 'RUB' };

describe('which events move the balance', () => {
  it('is a charged AI reply or a system message (balance ran out)', () => {
    expect(isBalanceEvent({ type: 'chat.message_created', message: { cost, author: { kind: 'employee' } } })).toBe(true);
    expect(isBalanceEvent({ type: 'chat.message_created', message: { cost: null, author: { kind: 'system' } } })).toBe(
      true,
    );
  });

  it('is not a client message, a delta or anything else', () => {
    expect(isBalanceEvent({ type: 'chat.message_created', message: { cost: null, author: { kind: 'client' } } })).toBe(
      false,
    );
    expect(isBalanceEvent({ type: 'chat.reply_delta', chat_id: 1, reply_id: 'a', text: 'x' })).toBe(false);
    expect(isBalanceEvent(null)).toBe(false);
    expect(isBalanceEvent('chat.message_created')).toBe(false);
  });
});
