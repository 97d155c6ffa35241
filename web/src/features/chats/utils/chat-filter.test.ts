import { describe, expect, it } from 'vitest';
import {
  EMPTY_CHAT_FILTER,
  chatListQuery,
  dayBoundary,
  filterFromSearch,
  filterProblem,
  hasFilters,
  searchFromFilter,
} from './chat-filter';

describe('chat filters → query string', () => {
  it('asks for a page of everything when nothing is filtered', () => {
    expect(chatListQuery(EMPTY_CHAT_FILTER)).toBe('limit=30');
    expect(hasFilters(EMPTY_CHAT_FILTER)).toBe(false);
  });

  it('sends every filter the API knows, and the cursor', () => {
    const query = new URLSearchParams(
      chatListQuery(
        { employeeId: '7', source: 'playground', from: '2025-03-01', to: '2025-03-31', needsHuman: true, q: '  late check-in ' },
        'abc==',
      ),
    );
    expect(query.get('employee_id')).toBe('7');
    expect(query.get('source')).toBe('playground');
    expect(query.get('from')).toBe(dayBoundary('2025-03-01'));
    expect(query.get('to')).toBe(dayBoundary('2025-03-31', true));
    expect(query.get('needs_human')).toBe('true');
    expect(query.get('q')).toBe('late check-in');
    expect(query.get('cursor')).toBe('abc==');
  });

  it('leaves out malformed values instead of sending them', () => {
    const query = chatListQuery({ ...EMPTY_CHAT_FILTER, employeeId: 'x1', from: '2025-02-30', to: 'soon', q: '   ' });
    expect(query).toBe('limit=30');
  });

  it('turns a local day into whole-second UTC boundaries', () => {
    const start = dayBoundary('2025-03-01');
    const end = dayBoundary('2025-03-01', true);
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(end ?? '') - Date.parse(start ?? '')).toBe((24 * 3600 - 1) * 1000);
    expect(new Date(start ?? '').getDate()).toBe(1);
  });

  it('round-trips through the address bar', () => {
    const filter = { employeeId: '3', source: 'playground', from: '2025-01-01', to: '', needsHuman: true, q: 'Wi-Fi' };
    expect(filterFromSearch(searchFromFilter(filter))).toEqual(filter);
    expect(searchFromFilter(EMPTY_CHAT_FILTER).toString()).toBe('');
  });

  it('says when the dates cannot match anything', () => {
    expect(filterProblem({ ...EMPTY_CHAT_FILTER, from: '2025-03-02', to: '2025-03-01' })).toMatch(/before/);
    expect(filterProblem({ ...EMPTY_CHAT_FILTER, from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});
