import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { message, page, teamAuthor, ticket } from '@/testing/fixtures';
import type { TicketFilter } from '../utils/ticket-filter';
import { keepNewerMessages } from './get-ticket-messages';
import type { TicketPages } from './get-tickets';
import type { TicketsSummary } from './get-tickets-summary';
import { ticketKeys } from './query-keys';
import { mergeMessages, upsertTicketInPages } from './ticket-cache';
import { handleEventFrame, parseTicketEvent } from './ticket-events';
import type { Message, Ticket } from './ticket-schemas';

const ALL: TicketFilter = { status: 'all', q: '' };
const OPEN: TicketFilter = { status: 'on_customer', q: '' };
const DONE: TicketFilter = { status: 'done', q: '' };

function pages(...lists: { items: Ticket[]; next_cursor: string | null }[]): TicketPages {
  return { pages: lists, pageParams: lists.map((_, index) => (index === 0 ? null : `c${index}`)) };
}

function ids(data: TicketPages | undefined): number[][] {
  return data?.pages.map((p) => p.items.map((item) => item.id)) ?? [];
}

function seeded() {
  const client = new QueryClient();
  const older = ticket({ id: 1, title: 'Old question', last_message_at: '2026-11-20T10:00:00Z' });
  const newer = ticket({ id: 2, title: 'Новый вопрос', last_message_at: '2026-11-22T10:00:00Z', unread_count: 1 });
  client.setQueryData(ticketKeys.list(ALL), pages(page([newer, older])));
  client.setQueryData(ticketKeys.list(OPEN), pages(page([newer, older])));
  client.setQueryData(ticketKeys.list(DONE), pages(page([])));
  client.setQueryData(ticketKeys.messages(1), [message({ id: 10, ticket_id: 1 })]);
  client.setQueryData(ticketKeys.detail(1), older);
  client.setQueryData<TicketsSummary>(ticketKeys.summary(), { unread_total: 1, counts: { on_customer: 2, done: 0 } });
  return { client, older, newer };
}

const messages = (client: QueryClient, id: number) => client.getQueryData<Message[]>(ticketKeys.messages(id));
const list = (client: QueryClient, filter: TicketFilter) => client.getQueryData<TicketPages>(ticketKeys.list(filter));

describe('ticket events → caches', () => {
  it('appends a new message to the open ticket once, however often it arrives', () => {
    const { client } = seeded();
    const reply = message({ id: 11, ticket_id: 1, author: teamAuthor, created_at: '2026-11-23T10:00:00Z' });
    const frame = { type: 'ticket.message_created', ticket_id: 1, message: reply };
    handleEventFrame(client, frame);
    handleEventFrame(client, frame);
    expect(messages(client, 1)?.map((m) => m.id)).toEqual([10, 11]);
  });

  it('keeps messages in order when events arrive out of order', () => {
    const { client } = seeded();
    for (const id of [13, 11, 12]) {
      handleEventFrame(client, { type: 'ticket.message_created', ticket_id: 1, message: message({ id, ticket_id: 1 }) });
    }
    expect(messages(client, 1)?.map((m) => m.id)).toEqual([10, 11, 12, 13]);
  });

  it('moves a ticket with a new message to the top of the lists', () => {
    const { client } = seeded();
    const reply = message({ id: 11, ticket_id: 1, created_at: '2026-11-23T10:00:00Z' });
    handleEventFrame(client, { type: 'ticket.message_created', ticket_id: 1, message: reply });
    expect(ids(list(client, ALL))).toEqual([[1, 2]]);
    expect(list(client, ALL)?.pages[0]?.items[0]?.last_message_at).toBe('2026-11-23T10:00:00Z');
  });

  it('refetches the lists for a message in a ticket they do not have yet', () => {
    const { client } = seeded();
    handleEventFrame(client, { type: 'ticket.message_created', ticket_id: 99, message: message({ id: 50, ticket_id: 99 }) });
    expect(client.getQueryState(ticketKeys.list(ALL))?.isInvalidated).toBe(true);
    expect(client.getQueryState(ticketKeys.list(DONE))?.isInvalidated).toBe(true);
    expect(messages(client, 99)).toBeUndefined();
  });

  it('does not refetch the lists for a message in a ticket they already show', () => {
    const { client } = seeded();
    handleEventFrame(client, { type: 'ticket.message_created', ticket_id: 2, message: message({ id: 51, ticket_id: 2 }) });
    expect(client.getQueryState(ticketKeys.list(ALL))?.isInvalidated).toBe(false);
  });

  it('updates the unread count of the ticket, its list entries and the navigation total', () => {
    const { client } = seeded();
    handleEventFrame(client, { type: 'unread.changed', ticket_id: 1, unread_count: 2, unread_total: 3 });
    expect(list(client, ALL)?.pages[0]?.items.find((t) => t.id === 1)?.unread_count).toBe(2);
    expect(list(client, OPEN)?.pages[0]?.items.find((t) => t.id === 1)?.unread_count).toBe(2);
    expect(client.getQueryData<Ticket>(ticketKeys.detail(1))?.unread_count).toBe(2);
    expect(client.getQueryData<TicketsSummary>(ticketKeys.summary())?.unread_total).toBe(3);
    handleEventFrame(client, { type: 'unread.changed', ticket_id: 1, unread_count: 0, unread_total: 1 });
    expect(client.getQueryData<TicketsSummary>(ticketKeys.summary())?.unread_total).toBe(1);
  });

  it('moves a ticket closed elsewhere from On Customer to Done, and updates the open ticket', () => {
    const { client, older } = seeded();
    const closed = { ...older, status: 'done' as const, awaiting: null, reply_due_at: null };
    handleEventFrame(client, { type: 'ticket.updated', ticket: closed });
    expect(ids(list(client, OPEN))).toEqual([[2]]);
    expect(ids(list(client, DONE))).toEqual([[1]]);
    expect(ids(list(client, ALL))).toEqual([[2, 1]]);
    expect(client.getQueryData<Ticket>(ticketKeys.detail(1))?.status).toBe('done');
  });

  it('adds a new ticket to the lists whose search it matches (any letter case, Cyrillic too)', () => {
    const { client } = seeded();
    const search: TicketFilter = { status: 'all', q: 'ССЫЛКА' };
    const other: TicketFilter = { status: 'all', q: 'invoice' };
    client.setQueryData(ticketKeys.list(search), pages(page([])));
    client.setQueryData(ticketKeys.list(other), pages(page([])));
    const created = ticket({ id: 3, title: 'Не работает ссылка', last_message_at: '2026-11-23T12:00:00Z' });
    handleEventFrame(client, { type: 'ticket.updated', ticket: created });
    expect(ids(list(client, search))).toEqual([[3]]);
    expect(ids(list(client, other))).toEqual([[]]);
    expect(ids(list(client, ALL))).toEqual([[3, 2, 1]]);
  });

  it('ignores unknown event types and malformed frames', () => {
    const { client } = seeded();
    const before = JSON.stringify(client.getQueryCache().getAll().map((q) => q.state.data));
    for (const frame of [
      { type: 'chat.message_created', chat_id: 1 },
      { type: 'unread.changed', ticket_id: 'one' },
      { type: 'ticket.message_created', ticket_id: 1, message: { id: 5 } },
      'hello',
      null,
    ]) {
      handleEventFrame(client, frame);
    }
    expect(JSON.stringify(client.getQueryCache().getAll().map((q) => q.state.data))).toBe(before);
    expect(parseTicketEvent({ type: 'presence' })).toBeNull();
  });
});

describe('cache helpers', () => {
  it('mergeMessages keeps one copy of each message, the newest version, in id order', () => {
    const a = message({ id: 1 });
    const b = message({ id: 2, body: 'old' });
    const bNew = message({ id: 2, body: 'new' });
    expect(mergeMessages([b, a], [bNew]).map((m) => [m.id, m.body])).toEqual([
      [1, a.body],
      [2, 'new'],
    ]);
  });

  it('upsertTicketInPages does not add a ticket that belongs past the loaded pages', () => {
    const data = pages(page([ticket({ id: 5, last_message_at: '2026-11-23T10:00:00Z' })], 'next'));
    const ancient = ticket({ id: 6, last_message_at: '2020-01-01T00:00:00Z' });
    expect(ids(upsertTicketInPages(data, ancient, ALL))).toEqual([[5]]);
    const fresh = ticket({ id: 7, last_message_at: '2026-11-24T00:00:00Z' });
    expect(ids(upsertTicketInPages(data, fresh, ALL))).toEqual([[7, 5]]);
  });

  it('upsertTicketInPages replaces a ticket in place when only its details changed', () => {
    const data = pages(page([ticket({ id: 5 }), ticket({ id: 4 })]), page([ticket({ id: 3 })]));
    const renamed = ticket({ id: 4, unread_count: 2 });
    const result = upsertTicketInPages(data, renamed, ALL);
    expect(ids(result)).toEqual([[5, 4], [3]]);
    expect(result.pages[0]?.items[1]?.unread_count).toBe(2);
  });
});

describe('refetching messages', () => {
  it('keeps messages that arrived by event during the refetch', () => {
    const fetched = [message({ id: 1 }), message({ id: 2 })];
    const cached = [message({ id: 1 }), message({ id: 3 })];
    expect(keepNewerMessages(fetched, cached).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(keepNewerMessages(fetched, undefined)).toBe(fetched);
  });
});
