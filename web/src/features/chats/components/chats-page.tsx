import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useNow } from '@/hooks/use-now';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { Chat } from '../api/chat-schemas';
import { useChats } from '../api/get-chats';
import {
  filterFromSearch,
  filterProblem,
  hasFilters,
  searchFromFilter,
  type ChatFilter,
} from '../utils/chat-filter';
import { SOURCE_OPTIONS, sourceLabel } from '../utils/labels';
import styles from './chats-page.module.css';

export interface ChatsPageProps {
  /** The account's employees, for the filter. */
  employees: readonly { id: number; name: string }[];
}

/** Every conversation of the account's AI employees, filtered, newest activity first. */
export function ChatsPage({ employees }: ChatsPageProps) {
  const { t } = useTranslation('chats');
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const debouncedQ = useDebouncedValue(filter.q, 300);
  const effective: ChatFilter = { ...filter, q: debouncedQ };
  const problem = filterProblem(effective);
  const chats = useChats(effective, { enabled: problem === null });
  const now = useNow();
  const ids = { employee: useId(), source: useId(), from: useId(), to: useId(), q: useId() };

  const update = (patch: Partial<ChatFilter>) =>
    setSearch(searchFromFilter({ ...filter, ...patch }), { replace: true });

  const items = chats.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title={t('title')} description={t('description')}>
      <form
        className={styles.filters}
        role="search"
        aria-label={t('filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className={styles.field}>
          <label htmlFor={ids.q}>{t('filters.search')}</label>
          <input
            id={ids.q}
            type="search"
            value={filter.q}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(event) => update({ q: event.target.value })}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.employee}>{t('filters.employee')}</label>
          <select id={ids.employee} value={filter.employeeId} onChange={(e) => update({ employeeId: e.target.value })}>
            <option value="">{t('filters.allEmployees')}</option>
            {employees.map((employee) => (
              <option key={employee.id} value={String(employee.id)}>
                {employee.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.source}>{t('filters.source')}</label>
          <select id={ids.source} value={filter.source} onChange={(e) => update({ source: e.target.value })}>
            <option value="">{t('filters.allSources')}</option>
            {SOURCE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {sourceLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.from}>{t('filters.from')}</label>
          <input id={ids.from} type="date" value={filter.from} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.to}>{t('filters.to')}</label>
          <input id={ids.to} type="date" value={filter.to} onChange={(e) => update({ to: e.target.value })} />
        </div>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={filter.needsHuman}
            onChange={(e) => update({ needsHuman: e.target.checked })}
          />
          {t('filters.needsHuman')}
        </label>
      </form>

      <section aria-label={t('list.label')} className={styles.results}>
        {problem ? (
          <p role="alert" className={styles.problem}>
            {problem}
          </p>
        ) : chats.isPending ? (
          <p role="status" className={styles.muted}>
            {t('list.loading')}
          </p>
        ) : chats.isError ? (
          <QueryError title={t('list.loadFailed')} error={chats.error} onRetry={() => void chats.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={hasFilters(effective) ? t('list.noMatchTitle') : t('list.emptyTitle')}>
            <p>{hasFilters(effective) ? t('list.noMatchBody') : t('list.emptyBody')}</p>
          </EmptyState>
        ) : (
          <ul className={styles.list}>
            {items.map((chat) => (
              <ChatListItem key={chat.id} chat={chat} now={now} />
            ))}
          </ul>
        )}
        {chats.hasNextPage ? (
          <Button variant="secondary" loading={chats.isFetchingNextPage} onClick={() => void chats.fetchNextPage()}>
            {t('list.showMore')}
          </Button>
        ) : null}
      </section>
    </Page>
  );
}

function ChatListItem({ chat, now }: { chat: Chat; now: number }) {
  const { t } = useTranslation('chats');
  const fmt = useFormatters();
  const when = chat.last_message_at ?? chat.created_at;
  return (
    <li>
      <Link to={`/chats/${chat.id}`} className={styles.item}>
        <span className={styles.itemMain}>
          <span className={styles.itemTitle}>{chat.client_name}</span>
          <span className={styles.itemMeta}>
            {t('list.meta', {
              employee: chat.employee.name,
              source: sourceLabel(chat.source),
              count: chat.message_count,
            })}
          </span>
        </span>
        <span className={styles.itemSide}>
          {chat.needs_human ? <span className={styles.flag}>{t('list.needsHuman')}</span> : null}
          {chat.status === 'human' && !chat.needs_human ? <span className={styles.human}>{t('list.operator')}</span> : null}
          <time dateTime={when}>{fmt.dateTime(when, now)}</time>
        </span>
      </Link>
    </li>
  );
}
