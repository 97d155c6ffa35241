import { describe, expect, it } from 'vitest';
import { validateNewTicket, type NewTicketValues } from './new-ticket-validation';

const filled: NewTicketValues = {
  title: '  Booking link not working ',
  category: 'critical',
  employeeId: '',
  chatUrl: '',
  body: ' It opens a blank page. ',
};

describe('validateNewTicket', () => {
  it('builds the request from trimmed values, leaving out empty optional fields', () => {
    expect(validateNewTicket(filled, null)).toEqual({
      ok: true,
      input: { title: 'Booking link not working', body: 'It opens a blank page.', category: 'critical' },
    });
  });

  it('sends the employee, the chat link and the ticket it follows up', () => {
    const result = validateNewTicket({ ...filled, employeeId: '5', chatUrl: 'https://app.test/chats/9' }, 12);
    expect(result).toMatchObject({
      ok: true,
      input: { employee_id: 5, chat_url: 'https://app.test/chats/9', follow_up_of: 12 },
    });
  });

  it('takes a chat link as a full address or as a /chats/ path', () => {
    expect(validateNewTicket({ ...filled, chatUrl: '/chats/12' }, null)).toMatchObject({
      ok: true,
      input: { chat_url: '/chats/12' },
    });
    expect(validateNewTicket({ ...filled, chatUrl: 'chats/12' }, null).ok).toBe(false);
  });

  it('names every missing or wrong field', () => {
    const result = validateNewTicket(
      { title: ' ', category: '', employeeId: '', chatUrl: 'javascript:alert(1)', body: '' },
      null,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the ticket a title.',
        category: 'Choose the type of request.',
        chatUrl: 'Paste the full address of the chat, starting with https://',
        body: 'Write the first message.',
      },
    });
  });

  it('counts characters, not UTF-16 units, against the limits', () => {
    expect(validateNewTicket({ ...filled, title: '😀'.repeat(200) }, null).ok).toBe(true);
    expect(validateNewTicket({ ...filled, title: 'я'.repeat(201) }, null)).toMatchObject({
      ok: false,
      errors: { title: 'Use at most 200 characters.' },
    });
  });
});
