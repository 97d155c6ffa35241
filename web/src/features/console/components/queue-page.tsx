import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useTranslation } from '@/lib/i18n';
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


/** The support queue: every account's tickets, due soonest first, live. */
export function QueuePage({ viewer, scope }: QueuePageProps) {
  const { t } = useTranslation('console');
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
  const base = scope === 'mine' ? t('queue.mine') : t('queue.title');
  // "(3) Queue": the tab shows how many tickets wait for the team's reply.
  const needsReply = summary.data?.needs_reply;
  useDocumentTitle(needsReply ? t('queue.titleWithCount', { count: needsReply, title: base }) : base);

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
            {scope === 'mine' ? t('queue.descriptionMine') : t('queue.descriptionAll')}
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
      <section className={styles.list} aria-label={t('queue.label')} aria-busy={queue.isFetching && !queue.isFetchingNextPage}>
        <div className={styles.columns} aria-hidden="true">
          <span>{t('queue.columnDue')}</span>
          <span>{t('queue.columnTicket')}</span>
          <span>{t('queue.columnType')}</span>
          <span>{t('queue.columnAssignee')}</span>
          <span>{t('queue.columnUnread')}</span>
        </div>
        {queue.isPending ? (
          <p className={styles.note} role="status">
            {t('queue.loading')}
          </p>
        ) : queue.isError && items.length === 0 ? (
          <QueryError title={t('queue.loadFailed')} error={queue.error} onRetry={() => void queue.refetch()} />
        ) : items.length === 0 ? (
          <p className={styles.note}>
            {filtered
              ? t('queue.emptyFiltered')
              : scope === 'mine'
                ? t('queue.emptyMine')
                : t('queue.emptyAll')}
          </p>
        ) : (
          <ul className={styles.rows}>
            {items.map((ticket) => (
              <QueueRow key={ticket.id} ticket={ticket} userId={viewer.userId} />
            ))}
          </ul>
        )}
        {queue.hasNextPage ? (
          <div className={styles.more}>
            <Button variant="secondary" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
              {t('queue.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
