import { describe, expect, it } from 'vitest';
import { ticket } from '@/testing/fixtures';
import { compareByActivity, normalizeFilter, ticketListQuery, ticketMatchesFilter } from './ticket-filter';

describe('ticket list query', () => {
  it('asks for all tickets by default, a page at a time', () => {
    expect(ticketListQuery(normalizeFilter('all', ''))).toBe('status=all&limit=20');
  });

  it('sends the trimmed search and the status, encoded', () => {
    expect(ticketListQuery(normalizeFilter('on_customer', '  ССЫЛКА & co '))).toBe(
      'status=on_customer&q=%D0%A1%D0%A1%D0%AB%D0%9B%D0%9A%D0%90+%26+co&limit=20',
    );
    expect(ticketListQuery(normalizeFilter('done', '   '))).toBe('status=done&limit=20');
  });

  it('passes the cursor of the next page', () => {
    expect(ticketListQuery(normalizeFilter('all', 'x'), 'opaque/=cursor')).toBe(
      'status=all&q=x&limit=20&cursor=opaque%2F%3Dcursor',
    );
  });
});

describe('ticketMatchesFilter', () => {
  const cyrillic = ticket({ title: 'Не работает ссылка', status: 'on_customer' });

  it('matches a substring of the title in any letter case', () => {
    expect(ticketMatchesFilter(cyrillic, normalizeFilter('all', 'ССЫЛКА'))).toBe(true);
    expect(ticketMatchesFilter(cyrillic, normalizeFilter('all', 'работает'))).toBe(true);
    expect(ticketMatchesFilter(cyrillic, normalizeFilter('all', 'booking'))).toBe(false);
  });

  it('combines the search with the status', () => {
    expect(ticketMatchesFilter(cyrillic, normalizeFilter('on_customer', 'ссылка'))).toBe(true);
    expect(ticketMatchesFilter(cyrillic, normalizeFilter('done', 'ссылка'))).toBe(false);
  });

  it('orders by most recent activity, then newest ticket', () => {
    const a = ticket({ id: 1, last_message_at: '2026-11-23T10:00:00Z' });
    const b = ticket({ id: 2, last_message_at: '2026-11-23T10:00:00.500Z' });
    const c = ticket({ id: 3, last_message_at: '2026-11-23T10:00:00Z' });
    expect([a, b, c].sort(compareByActivity).map((t) => t.id)).toEqual([2, 3, 1]);
  });
});
