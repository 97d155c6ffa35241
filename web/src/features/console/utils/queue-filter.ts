// What the queue shows: the filters of GET /support/queue, kept in the page's
// address so a filtered queue can be bookmarked, shared and reloaded.
import type { RequestType } from '../api/schemas';

export type QueueStatus = 'on_customer' | 'done' | 'all';
/** An agent's id, the caller ("me"), or nobody ("none"); null for anyone. */
export type AssigneeFilter = number | 'me' | 'none' | null;

export interface QueueFilter {
  needsReply: boolean;
  overdue: boolean;
  dueToday: boolean;
  category: RequestType | null;
  status: QueueStatus;
  accountId: number | null;
  assignee: AssigneeFilter;
  /** Trimmed search text; '' for no search. */
  q: string;
}

export const defaultQueueFilter: QueueFilter = {
  needsReply: false,
  overdue: false,
  dueToday: false,
  category: null,
  status: 'on_customer',
  accountId: null,
  assignee: null,
  q: '',
};

export const QUEUE_PAGE_SIZE = 50;
const CATEGORIES: readonly RequestType[] = ['critical', 'question', 'feature_request'];
const STATUSES: readonly QueueStatus[] = ['on_customer', 'done', 'all'];

function positiveId(value: string | null): number | null {
  if (value === null || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}

/** The query string of `GET /support/queue` for one page. */
export function queueQuery(filter: QueueFilter, cursor?: string | null, limit = QUEUE_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filter.needsReply) params.set('needs_reply', 'true');
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.dueToday) params.set('due_today', 'true');
  if (filter.category) params.set('category', filter.category);
  params.set('status', filter.status);
  if (filter.accountId !== null) params.set('account_id', String(filter.accountId));
  if (filter.assignee !== null) params.set('assignee_id', String(filter.assignee));
  if (filter.q !== '') params.set('q', filter.q);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The filter an address asks for; anything unrecognised falls back to the default. */
export function filterFromSearch(search: URLSearchParams): QueueFilter {
  const category = search.get('category');
  const status = search.get('status');
  const assignee = search.get('assignee');
  return {
    needsReply: search.get('needs_reply') === 'true',
    overdue: search.get('overdue') === 'true',
    dueToday: search.get('due_today') === 'true',
    category: CATEGORIES.find((value) => value === category) ?? null,
    status: STATUSES.find((value) => value === status) ?? defaultQueueFilter.status,
    accountId: positiveId(search.get('account')),
    assignee: assignee === 'me' || assignee === 'none' ? assignee : positiveId(assignee),
    q: (search.get('q') ?? '').trim(),
  };
}

/** The address parameters for a filter; defaults are left out to keep links short. */
export function searchFromFilter(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.needsReply) params.set('needs_reply', 'true');
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.dueToday) params.set('due_today', 'true');
  if (filter.category) params.set('category', filter.category);
  if (filter.status !== defaultQueueFilter.status) params.set('status', filter.status);
  if (filter.accountId !== null) params.set('account', String(filter.accountId));
  if (filter.assignee !== null) params.set('assignee', String(filter.assignee));
  if (filter.q !== '') params.set('q', filter.q);
  return params;
}

export function isDefaultFilter(filter: QueueFilter): boolean {
  return searchFromFilter(filter).toString() === '';
}
