import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { QueryError } from '@/components/ui/query-error';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useNow } from '@/hooks/use-now';
import { useTickets } from '../api/get-tickets';
import { normalizeFilter, type StatusFilter as StatusFilterValue } from '../utils/ticket-filter';
import type { SupportViewer } from '../utils/viewer';
import { StatusFilter } from './status-filter';
import { TicketListItem } from './ticket-list-item';
import { useTranslation } from '@/lib/i18n';
import styles from './ticket-list.module.css';

export const SEARCH_DEBOUNCE_MS = 300;
/** The server searches at most this many characters of a title. */
const SEARCH_MAX_LENGTH = 200;

export interface TicketListProps {
  viewer: SupportViewer;
  selectedId: number | null;
}

/** The tickets, searchable by title and filtered by status, most recent activity first. */
export function TicketList({ viewer, selectedId }: TicketListProps) {
  const { t } = useTranslation('support');
  const searchId = useId();
  const [status, setStatus] = useState<StatusFilterValue>('all');
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const filter = useMemo(() => normalizeFilter(status, debouncedSearch), [status, debouncedSearch]);
  const tickets = useTickets(filter);
  const now = useNow();

  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filter.q !== '' || filter.status !== 'all';

  return (
    <section className={styles.list} aria-label={t('list.label')}>
      <div className={styles.tools}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('list.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className={styles.search}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_MAX_LENGTH}
        />
        <StatusFilter value={status} onChange={setStatus} />
      </div>
      <div className={styles.scroll} aria-busy={tickets.isFetching && !tickets.isFetchingNextPage}>
        {tickets.isPending ? (
          <p className={styles.note} role="status">
            {t('list.loading')}
          </p>
        ) : tickets.isError && items.length === 0 ? (
          <QueryError title={t('list.error')} error={tickets.error} onRetry={() => void tickets.refetch()} />
        ) : items.length === 0 ? (
          <p className={styles.note}>
            {filtered ? t('list.noMatch') : viewer.isStaff ? t('list.emptyStaff') : t('list.empty')}
          </p>
        ) : (
          <ul className={styles.items}>
            {items.map((ticket) => (
              <TicketListItem
                key={ticket.id}
                ticket={ticket}
                selected={ticket.id === selectedId}
                showAccount={viewer.isStaff}
                now={now}
              />
            ))}
          </ul>
        )}
        {tickets.hasNextPage ? (
          <div className={styles.more}>
            <Button
              variant="secondary"
              fullWidth
              loading={tickets.isFetchingNextPage}
              onClick={() => void tickets.fetchNextPage()}
            >
              {t('list.more')}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
