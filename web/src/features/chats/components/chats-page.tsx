import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useNow } from '@/hooks/use-now';
import type { Chat } from '../api/chat-schemas';
import { useChats } from '../api/get-chats';
import {
  filterFromSearch,
  filterProblem,
  hasFilters,
  searchFromFilter,
  type ChatFilter,
} from '../utils/chat-filter';
import { formatChatTime } from '../utils/format-time';
import { SOURCE_OPTIONS, sourceLabel } from '../utils/labels';
import type { ChatViewer } from '../utils/viewer';
import styles from './chats-page.module.css';

export interface ChatsPageProps {
  viewer: ChatViewer;
  /** The account's employees, for the filter. */
  employees: readonly { id: number; name: string }[];
}

/** Every conversation of the account's AI employees, filtered, newest activity first. */
export function ChatsPage({ viewer, employees }: ChatsPageProps) {
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
    <Page title="Chats" description="Every conversation of your AI employees, on every channel">
      <form
        className={styles.filters}
        role="search"
        aria-label="Filter chats"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className={styles.field}>
          <label htmlFor={ids.q}>Search messages</label>
          <input
            id={ids.q}
            type="search"
            value={filter.q}
            placeholder="Words from any message"
            onChange={(event) => update({ q: event.target.value })}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.employee}>Employee</label>
          <select id={ids.employee} value={filter.employeeId} onChange={(e) => update({ employeeId: e.target.value })}>
            <option value="">All employees</option>
            {employees.map((employee) => (
              <option key={employee.id} value={String(employee.id)}>
                {employee.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.source}>Source</label>
          <select id={ids.source} value={filter.source} onChange={(e) => update({ source: e.target.value })}>
            <option value="">All sources</option>
            {SOURCE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} type="date" value={filter.from} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.to}>To</label>
          <input id={ids.to} type="date" value={filter.to} onChange={(e) => update({ to: e.target.value })} />
        </div>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={filter.needsHuman}
            onChange={(e) => update({ needsHuman: e.target.checked })}
          />
          Needs a human
        </label>
      </form>

      <section aria-label="Chat list" className={styles.results}>
        {problem ? (
          <p role="alert" className={styles.problem}>
            {problem}
          </p>
        ) : chats.isPending ? (
          <p role="status" className={styles.muted}>
            Loading chats…
          </p>
        ) : chats.isError ? (
          <QueryError title="Could not load the chats" error={chats.error} onRetry={() => void chats.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={hasFilters(effective) ? 'No chats match' : 'No chats yet'}>
            <p>
              {hasFilters(effective)
                ? 'Try other filters or fewer words.'
                : 'Conversations appear here once someone talks to an AI employee — try its Playground.'}
            </p>
          </EmptyState>
        ) : (
          <ul className={styles.list}>
            {items.map((chat) => (
              <ChatListItem key={chat.id} chat={chat} viewer={viewer} now={now} />
            ))}
          </ul>
        )}
        {chats.hasNextPage ? (
          <Button variant="secondary" loading={chats.isFetchingNextPage} onClick={() => void chats.fetchNextPage()}>
            Show more chats
          </Button>
        ) : null}
      </section>
    </Page>
  );
}

function ChatListItem({ chat, viewer, now }: { chat: Chat; viewer: ChatViewer; now: number }) {
  const when = chat.last_message_at ?? chat.created_at;
  return (
    <li>
      <Link to={`/chats/${chat.id}`} className={styles.item}>
        <span className={styles.itemMain}>
          <span className={styles.itemTitle}>{chat.client_name}</span>
          <span className={styles.itemMeta}>
            {`${chat.employee.name} · ${sourceLabel(chat.source)} · ${chat.message_count} messages`}
          </span>
        </span>
        <span className={styles.itemSide}>
          {chat.needs_human ? <span className={styles.flag}>Needs a human</span> : null}
          {chat.status === 'human' && !chat.needs_human ? <span className={styles.human}>Operator</span> : null}
          <time dateTime={when}>{formatChatTime(when, viewer.timeZone, now)}</time>
        </span>
      </Link>
    </li>
  );
}
