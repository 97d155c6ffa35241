import { useId } from 'react';
import type { Agent, QueueSummary, RequestType } from '../api/schemas';
import { REQUEST_TYPE_LABELS } from '../utils/labels';
import type { AssigneeFilter, QueueFilter, QueueStatus } from '../utils/queue-filter';
import styles from './queue.module.css';

export interface QueueFiltersProps {
  filter: QueueFilter;
  /** The search box's text (the filter gets it once typing pauses). */
  search: string;
  onSearch: (text: string) => void;
  onChange: (next: QueueFilter) => void;
  summary: QueueSummary | undefined;
  agents: readonly Agent[];
  /** "My tickets" fixes the assignee. */
  assigneeLocked: boolean;
  accountName: string | null;
}

const STATUS_OPTIONS: readonly { value: QueueStatus; label: string }[] = [
  { value: 'on_customer', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'Open and Done' },
];

function assigneeValue(assignee: AssigneeFilter): string {
  return assignee === null ? '' : String(assignee);
}

function parseAssignee(value: string): AssigneeFilter {
  if (value === '') return null;
  if (value === 'me' || value === 'none') return value;
  return Number(value);
}

interface ToggleProps {
  label: string;
  count: number | undefined;
  pressed: boolean;
  tone?: 'danger' | 'warning';
  onToggle: () => void;
}

function Toggle({ label, count, pressed, tone, onToggle }: ToggleProps) {
  return (
    <button type="button" className={styles.toggle} aria-pressed={pressed} data-tone={tone} onClick={onToggle}>
      <span>{label}</span>
      {count === undefined ? null : <span className={styles.toggleCount}>{count}</span>}
    </button>
  );
}

/** The queue's quick filters (with their counts), the search and the detailed filters. */
export function QueueFilters({
  filter,
  search,
  onSearch,
  onChange,
  summary,
  agents,
  assigneeLocked,
  accountName,
}: QueueFiltersProps) {
  const id = useId();
  const set = (patch: Partial<QueueFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className={styles.filters}>
      <div className={styles.toggles} role="group" aria-label="Quick filters">
        <Toggle
          label="Needs reply"
          count={summary?.needs_reply}
          pressed={filter.needsReply}
          onToggle={() => set({ needsReply: !filter.needsReply })}
        />
        <Toggle
          label="Overdue"
          count={summary?.overdue}
          pressed={filter.overdue}
          tone={summary && summary.overdue > 0 ? 'danger' : undefined}
          onToggle={() => set({ overdue: !filter.overdue })}
        />
        <Toggle
          label="Due today"
          count={summary?.due_today}
          pressed={filter.dueToday}
          onToggle={() => set({ dueToday: !filter.dueToday })}
        />
        {assigneeLocked ? null : (
          <>
            <Toggle
              label="Mine"
              count={summary?.mine}
              pressed={filter.assignee === 'me'}
              onToggle={() => set({ assignee: filter.assignee === 'me' ? null : 'me' })}
            />
            <Toggle
              label="Unassigned"
              count={summary?.unassigned}
              pressed={filter.assignee === 'none'}
              onToggle={() => set({ assignee: filter.assignee === 'none' ? null : 'none' })}
            />
          </>
        )}
      </div>
      <div className={styles.fields}>
        <div className={styles.searchField}>
          <label htmlFor={`${id}-q`} className="visually-hidden">
            Search tickets
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className={styles.input}
            placeholder="Search titles and messages"
            value={search}
            onChange={(event) => onSearch(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
          />
        </div>
        <label className={styles.select}>
          <span>Type</span>
          <select
            value={filter.category ?? ''}
            onChange={(event) => set({ category: event.target.value === '' ? null : (event.target.value as RequestType) })}
          >
            <option value="">Any type</option>
            {(Object.keys(REQUEST_TYPE_LABELS) as RequestType[]).map((type) => (
              <option key={type} value={type}>
                {REQUEST_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.select}>
          <span>Status</span>
          <select value={filter.status} onChange={(event) => set({ status: event.target.value as QueueStatus })}>
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {assigneeLocked ? null : (
          <label className={styles.select}>
            <span>Assignee</span>
            <select
              value={assigneeValue(filter.assignee)}
              onChange={(event) => set({ assignee: parseAssignee(event.target.value) })}
            >
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="none">Unassigned</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {filter.accountId !== null ? (
          <span className={styles.chip}>
            {`Account: ${accountName ?? `#${filter.accountId}`}`}
            <button
              type="button"
              className={styles.chipRemove}
              aria-label="Show every account"
              onClick={() => set({ accountId: null })}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
