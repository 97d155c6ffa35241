import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queueQuery, type QueueFilter } from '../utils/queue-filter';
import { consoleKeys } from './query-keys';
import { queuePageSchema, queueSummarySchema, type QueuePage, type QueueSummary } from './schemas';

export type QueuePages = InfiniteData<QueuePage, string | null>;

export function getQueue(filter: QueueFilter, cursor: string | null, signal?: AbortSignal): Promise<QueuePage> {
  return apiRequest(`/support/queue?${queueQuery(filter, cursor)}`, { schema: queuePageSchema, signal });
}

// Time left is counted by the server in business time: refresh it now and then.
const REFRESH_MS = 60_000;

/** The queue under a filter, due soonest first, a page at a time. */
export function useQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: consoleKeys.queue(filter),
    queryFn: ({ pageParam, signal }) => getQueue(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function getQueueSummary(signal?: AbortSignal): Promise<QueueSummary> {
  return apiRequest('/support/queue/summary', { schema: queueSummarySchema, signal });
}

export function useQueueSummary() {
  return useQuery({
    queryKey: consoleKeys.summary(),
    queryFn: ({ signal }) => getQueueSummary(signal),
    refetchInterval: REFRESH_MS,
  });
}
