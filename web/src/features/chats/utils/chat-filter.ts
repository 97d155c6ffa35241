// The Chats list's filters, as the page holds them and as the API reads them.
import { i18n } from '@/lib/i18n';

export interface ChatFilter {
  /** '' for every employee. */
  employeeId: string;
  /** '' for every source. */
  source: string;
  /** Calendar days 'YYYY-MM-DD' in the browser's time zone; '' for open-ended. */
  from: string;
  to: string;
  needsHuman: boolean;
  /** Words to find in any message of the chat. */
  q: string;
}

export const EMPTY_CHAT_FILTER: ChatFilter = { employeeId: '', source: '', from: '', to: '', needsHuman: false, q: '' };

export const PAGE_SIZE = 30;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 UTC (whole seconds) for a local calendar day's start, or its last second with `endOfDay`. */
export function dayBoundary(day: string, endOfDay = false): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = endOfDay ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d, 0, 0, 0);
  if (Number.isNaN(time.getTime()) || time.getMonth() !== m - 1) return null;
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `GET /chats` parameters for a filter: empty filters are left out. */
export function chatListQuery(filter: ChatFilter, cursor: string | null = null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (/^\d+$/.test(filter.employeeId)) params.set('employee_id', filter.employeeId);
  if (filter.source !== '') params.set('source', filter.source);
  const from = dayBoundary(filter.from);
  const to = dayBoundary(filter.to, true);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (filter.needsHuman) params.set('needs_human', 'true');
  const q = filter.q.trim();
  if (q !== '') params.set('q', q);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The filter kept in the page's address (?employee=&source=&from=&to=&needs_human=1&q=). */
export function filterFromSearch(search: URLSearchParams): ChatFilter {
  return {
    employeeId: search.get('employee') ?? '',
    source: search.get('source') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    needsHuman: search.get('needs_human') === '1',
    q: search.get('q') ?? '',
  };
}

export function searchFromFilter(filter: ChatFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.employeeId) params.set('employee', filter.employeeId);
  if (filter.source) params.set('source', filter.source);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.needsHuman) params.set('needs_human', '1');
  if (filter.q) params.set('q', filter.q);
  return params;
}

/** A 'to' day before the 'from' day finds nothing: say so instead of asking. */
export function filterProblem(filter: ChatFilter): string | null {
  if (filter.from && filter.to && filter.to < filter.from) return i18n.t('chats:filters.endBeforeStart');
  return null;
}

export function hasFilters(filter: ChatFilter): boolean {
  return chatListQuery(filter, null, 1) !== 'limit=1';
}
