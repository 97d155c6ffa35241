import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { canned, note, staffMessage, staffTicket } from '../testing/fixtures';
import { MAX_TOP_UP_MINOR, parseAmountMinor } from './amount';
import { isPickerShortcut, moveHighlight, searchCanned, slashQuery } from './canned';
import { validateCanned } from './canned-validation';
import { historyLabel } from './labels';
import { notificationFor } from './notifications';
import { presenceLabel } from './presence';
import {
  defaultQueueFilter,
  filterFromSearch,
  isDefaultFilter,
  queueQuery,
  searchFromFilter,
  type QueueFilter,
} from './queue-filter';
import { compareByDue, formatDuration, slaTone, timeLeftLabel } from './sla';
import { mergeThread } from './thread';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('queue filters', () => {
  it('asks the server for open tickets by default, a page of 50', () => {
    expect(queueQuery(defaultQueueFilter)).toBe('status=on_customer&limit=50');
  });

  it('puts every filter in the query string the API expects', () => {
    const filter: QueueFilter = {
      needsReply: true,
      overdue: true,
      dueToday: true,
      category: 'feature_request',
      status: 'all',
      accountId: 9,
      assignee: 'me',
      q: 'blank page',
    };
    expect(queueQuery(filter, 'c1')).toBe(
      'needs_reply=true&overdue=true&due_today=true&category=feature_request&status=all&account_id=9&assignee_id=me&q=blank+page&limit=50&cursor=c1',
    );
    expect(new URLSearchParams(queueQuery({ ...filter, assignee: 'none' })).get('assignee_id')).toBe('none');
    expect(new URLSearchParams(queueQuery({ ...filter, assignee: 12 })).get('assignee_id')).toBe('12');
  });

  it('round-trips through the address and ignores nonsense there', () => {
    const filter: QueueFilter = { ...defaultQueueFilter, overdue: true, assignee: 5, category: 'question', q: 'x' };
    expect(filterFromSearch(searchFromFilter(filter))).toEqual(filter);
    expect(searchFromFilter(defaultQueueFilter).toString()).toBe('');
    expect(isDefaultFilter(defaultQueueFilter)).toBe(true);
    const junk = new URLSearchParams('status=closed&category=bug&assignee=-1&account=abc&overdue=1');
    expect(filterFromSearch(junk)).toEqual(defaultQueueFilter);
  });
});

describe('time left', () => {
  it('formats business time left and overdue', () => {
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3h 05m');
    expect(formatDuration(45 * 60 + 59)).toBe('45m');
    expect(formatDuration(20)).toBe('under 1m');
    const sla = (seconds: number, state: 'ok' | 'warning' | 'breached' = 'ok') => ({
      state,
      due_at: '2026-11-23T13:00:00Z',
      business_seconds_left: seconds,
    });
    expect(timeLeftLabel(sla(3 * 3600 + 20 * 60))).toBe('3h 20m left');
    expect(timeLeftLabel(sla(30 * 60, 'warning'))).toBe('30m left');
    expect(timeLeftLabel(sla(10))).toBe('Due now');
    expect(timeLeftLabel(sla(-65 * 60, 'breached'))).toBe('Overdue 1h 05m');
    expect(timeLeftLabel(null)).toBeNull();
  });

  it('takes its colour from the server’s state', () => {
    expect(slaTone({ state: 'warning', due_at: '2026-11-23T13:00:00Z', business_seconds_left: 100 })).toBe('warning');
    expect(slaTone(null)).toBe('none');
  });

  it('sorts overdue first, then soonest due, then tickets with nothing owed by activity', () => {
    const due = (id: number, at: string | null, activity = '2026-11-23T09:00:00Z') =>
      staffTicket({
        id,
        reply_due_at: at,
        last_message_at: activity,
        sla: at ? { state: 'ok', due_at: at, business_seconds_left: 1 } : null,
      });
    const tickets = [
      due(1, null, '2026-11-20T00:00:00Z'),
      due(2, '2026-11-24T10:00:00Z'),
      due(3, '2026-11-22T10:00:00Z'),
      due(4, null, '2026-11-23T00:00:00Z'),
      due(5, '2026-11-23T10:00:00Z'),
    ];
    expect([...tickets].sort(compareByDue).map((t) => t.id)).toEqual([3, 5, 2, 4, 1]);
  });
});

describe('thread', () => {
  it('merges notes between messages by time, messages first on a tie', () => {
    const thread = mergeThread(
      [staffMessage({ id: 1 }), staffMessage({ id: 2, created_at: '2026-11-23T09:05:00Z' })],
      [note({ id: 7, created_at: '2026-11-23T09:05:00Z' }), note({ id: 8, created_at: '2026-11-23T09:01:00Z' })],
    );
    expect(thread.map((entry) => entry.key)).toEqual(['m1', 'n8', 'm2', 'n7']);
  });
});

describe('canned replies', () => {
  const replies = [
    canned({ id: 1, title: 'Refund policy', shortcut: 'refund', body: 'We refund within 14 days.' }),
    canned({ id: 2, title: 'Thanks for waiting', shortcut: 'thanks', body: 'Thanks!' }),
    canned({ id: 3, title: 'Password reset', shortcut: null, body: 'Use the refund-free reset link.' }),
  ];

  it('finds by shortcut first, then title, then text, in any case', () => {
    expect(searchCanned(replies, 'REFUND').map((r) => r.id)).toEqual([1, 3]);
    expect(searchCanned(replies, 'pass').map((r) => r.id)).toEqual([3]);
    expect(searchCanned(replies, '  ').map((r) => r.id)).toEqual([1, 2, 3]);
    expect(searchCanned(replies, 'nothing like it')).toEqual([]);
  });

  it('reads a "/shortcut" only when it is the whole draft', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/thanks')).toBe('thanks');
    expect(slashQuery('see /thanks')).toBeNull();
    expect(slashQuery('/thanks ')).toBeNull();
    expect(slashQuery('')).toBeNull();
  });

  it('opens the picker on Ctrl+Shift+K or Cmd+Shift+K only', () => {
    expect(isPickerShortcut(key('K', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isPickerShortcut(key('k', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isPickerShortcut(key('k', { ctrlKey: true }))).toBe(false);
    expect(isPickerShortcut(key('k', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
  });

  it('moves the highlight with the arrows, wrapping around', () => {
    expect(moveHighlight(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(-1);
  });

  it('checks the server’s limits before saving', () => {
    expect(validateCanned({ title: '', body: '', shortcut: 'Bad Shortcut' })).toEqual({
      title: 'Give the reply a title.',
      body: 'Write the reply’s text.',
      shortcut: 'Use 1–32 lower-case letters, digits, - or _.',
    });
    expect(validateCanned({ title: 't', body: 'b', shortcut: 'ok-1_x' })).toEqual({});
    expect(validateCanned({ title: 'x'.repeat(101), body: 'b'.repeat(5001), shortcut: null })).toMatchObject({
      title: 'At most 100 characters.',
      body: 'At most 5,000 characters.',
    });
  });
});

describe('presence', () => {
  it('says who is typing, then who is viewing', () => {
    expect(presenceLabel([])).toBeNull();
    expect(presenceLabel([{ id: 1, name: 'Olga', typing: false }])).toBe('Olga is viewing');
    expect(
      presenceLabel([
        { id: 1, name: 'Olga', typing: false },
        { id: 2, name: 'Ivan', typing: true },
        { id: 3, name: 'Petr', typing: false },
      ]),
    ).toBe('Ivan is typing · Olga and Petr are viewing');
    expect(
      presenceLabel([
        { id: 1, name: 'A', typing: true },
        { id: 2, name: 'B', typing: true },
        { id: 3, name: 'C', typing: true },
      ]),
    ).toBe('A, B and C are typing');
  });
});

describe('notifications', () => {
  it('announces a new ticket once, and customer messages, but not the team’s', () => {
    const seen = new Set<number>();
    const created = { type: 'ticket.updated' as const, ticket: staffTicket({ id: 9, title: 'Bot silent' }) };
    expect(notificationFor(created, seen)).toMatchObject({ title: 'New ticket #9 from Acme Hotels', body: 'Bot silent' });
    expect(notificationFor(created, seen)).toBeNull();
    const customer = { type: 'ticket.message_created' as const, ticket_id: 9, message: staffMessage({ ticket_id: 9 }) };
    expect(notificationFor(customer, seen)).toMatchObject({ title: 'Anna Petrova wrote in #9', tag: 'ticket-9' });
    const team = {
      ...customer,
      message: staffMessage({ author: { id: 2, name: 'Ivan', side: 'team' } }),
    };
    expect(notificationFor(team, seen)).toBeNull();
    const answered = { type: 'ticket.updated' as const, ticket: staffTicket({ id: 10, message_count: 3 }) };
    expect(notificationFor(answered, seen)).toBeNull();
  });
});

describe('labels', () => {
  it('writes history entries as a line', () => {
    expect(historyLabel('assigned', { assignee_name: 'Olga' }, 'Ivan')).toBe('Assigned to Olga by Ivan');
    expect(historyLabel('assigned', { assignee_name: 'Olga', auto: 'true' }, null)).toBe('Assigned to Olga automatically');
    expect(historyLabel('sla_breached', {}, null)).toBe('Response target missed');
    expect(historyLabel('something_new', {}, null)).toBe('something new');
  });

  it('reads a typed amount into kopecks without floats, or refuses it', () => {
    expect(parseAmountMinor('1500')).toBe(150000);
    expect(parseAmountMinor('1 234,5')).toBe(123450);
    expect(parseAmountMinor('0.29')).toBe(29);
    expect(parseAmountMinor('10000000')).toBe(MAX_TOP_UP_MINOR);
    for (const bad of ['', '0', '0.00', '-5', '1.234', 'abc', '1e3', '10000000.01', '1,2,3']) {
      expect(parseAmountMinor(bad)).toBeNull();
    }
  });
});

describe('in Russian', () => {
  it('writes durations, presence, history and limits as Russian reads them', async () => {
    await setLanguage('ru', { remember: false });
    const sla = (seconds: number) => ({ state: 'ok' as const, due_at: '2026-11-23T13:00:00Z', business_seconds_left: seconds });
    expect(timeLeftLabel(sla(3 * 3600 + 5 * 60))).toBe('осталось 3 ч 05 мин');
    expect(timeLeftLabel(sla(-20))).toBe('Просрочен только что');
    expect(timeLeftLabel(sla(-3600))).toBe('Просрочен на 1 ч 00 мин');
    expect(presenceLabel([{ id: 1, name: 'Ольга', typing: true }])).toBe('Ольга печатает');
    expect(
      presenceLabel([
        { id: 1, name: 'Ольга', typing: false },
        { id: 2, name: 'Иван', typing: false },
        { id: 3, name: 'Пётр', typing: false },
      ]),
    ).toBe('Ольга, Иван и Пётр смотрят');
    expect(historyLabel('assigned', { assignee_name: 'Ольга', auto: 'true' }, null)).toBe(
      'Назначен исполнитель: Ольга (автоматически)',
    );
    expect(historyLabel('closed', {}, 'Иван')).toBe('Тикет решён — Иван');
    expect(validateCanned({ title: 'x'.repeat(101), body: 'b'.repeat(5001), shortcut: null })).toEqual({
      title: 'Максимум 100 символов.',
      body: 'Максимум 5\u00a0000 символов.',
    });
  });
});
