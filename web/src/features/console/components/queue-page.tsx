import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useAgents } from '../api/agents';
import { useQueue, useQueueSummary } from '../api/get-queue';
import { filterFromSearch, isDefaultFilter, searchFromFilter, type QueueFilter } from '../utils/queue-filter';
import type { ConsoleViewer } from '../utils/viewer';
import { NotificationsButton, ShiftToggle } from './agent-controls';
import { QueueFilters } from './queue-filters';
import { QueueRow } from './queue-row';
import styles from './queue.module.css';

export const SEARCH_DEBOUNCE_MS = 300;

export interface QueuePageProps {
  viewer: ConsoleViewer;
  /** `mine`: the agent's own tickets ("My tickets"). */
  scope: 'all' | 'mine';
}

/** "(3) Queue": the tab shows how many tickets wait for the team's reply. */
export function queueTitle(base: string, needsReply: number | undefined): string {
  return needsReply ? `(${needsReply}) ${base}` : base;
}

/** The support queue: every account's tickets, due soonest first, live. */
export function QueuePage({ viewer, scope }: QueuePageProps) {
  const [params, setParams] = useSearchParams();
  const fromAddress = useMemo(() => filterFromSearch(params), [params]);
  const filter = useMemo<QueueFilter>(
    () => (scope === 'mine' ? { ...fromAddress, assignee: 'me' } : fromAddress),
    [scope, fromAddress],
  );
  const [search, setSearch] = useState(filter.q);
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const effective = useMemo(() => ({ ...filter, q: debounced }), [filter, debounced]);

  const setFilter = (next: QueueFilter) => {
    const search = searchFromFilter(scope === 'mine' ? { ...next, assignee: null } : next);
    setParams(search, { replace: true });
  };
  useEffect(() => {
    if (debounced === fromAddress.q) return;
    setParams(searchFromFilter({ ...fromAddress, q: debounced }), { replace: true });
  }, [debounced, fromAddress, setParams]);

  const queue = useQueue(effective);
  const summary = useQueueSummary();
  const agents = useAgents();
  const base = scope === 'mine' ? 'My tickets' : 'Queue';
  useDocumentTitle(queueTitle(base, summary.data?.needs_reply));

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const accountName =
    filter.accountId === null ? null : (items.find((item) => item.account.id === filter.accountId)?.account.name ?? null);
  const filtered = !isDefaultFilter({ ...effective, assignee: scope === 'mine' ? null : effective.assignee });

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.heading}>
          <h1 className={styles.h1}>{base}</h1>
          <p className={styles.description}>
            {scope === 'mine'
              ? 'Tickets assigned to you, due soonest first'
              : 'Every account’s tickets, overdue first, then due soonest'}
          </p>
        </div>
        <div className={styles.headerTools}>
          <ShiftToggle userId={viewer.userId} />
          <NotificationsButton />
        </div>
      </header>
      <QueueFilters
        filter={{ ...filter, q: search }}
        search={search}
        onSearch={setSearch}
        onChange={setFilter}
        summary={summary.data}
        agents={agents.data ?? []}
        assigneeLocked={scope === 'mine'}
        accountName={accountName}
      />
      <section className={styles.list} aria-label="Queue" aria-busy={queue.isFetching && !queue.isFetchingNextPage}>
        <div className={styles.columns} aria-hidden="true">
          <span>Reply due</span>
          <span>Ticket</span>
          <span>Type</span>
          <span>Assignee</span>
          <span>Unread</span>
        </div>
        {queue.isPending ? (
          <p className={styles.note} role="status">
            Loading the queue…
          </p>
        ) : queue.isError && items.length === 0 ? (
          <QueryError title="Could not load the queue" error={queue.error} onRetry={() => void queue.refetch()} />
        ) : items.length === 0 ? (
          <p className={styles.note}>
            {filtered
              ? 'No tickets match these filters.'
              : scope === 'mine'
                ? 'Nothing is assigned to you. Take a ticket from the queue.'
                : 'The queue is empty. New tickets appear here as customers open them.'}
          </p>
        ) : (
          <ul className={styles.rows}>
            {items.map((ticket) => (
              <QueueRow key={ticket.id} ticket={ticket} timeZone={viewer.timeZone} userId={viewer.userId} />
            ))}
          </ul>
        )}
        {queue.hasNextPage ? (
          <div className={styles.more}>
            <Button variant="secondary" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
              Load more tickets
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
