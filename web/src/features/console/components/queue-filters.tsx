import { useId } from 'react';
import { useTranslation } from '@/lib/i18n';
import type { Agent, QueueSummary, RequestType } from '../api/schemas';
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

const STATUS_OPTIONS = [
  { value: 'on_customer', label: 'filters.statusOpen' },
  { value: 'done', label: 'filters.statusDone' },
  { value: 'all', label: 'filters.statusAll' },
] as const satisfies readonly { value: QueueStatus; label: string }[];

const REQUEST_TYPES: readonly RequestType[] = ['critical', 'question', 'feature_request'];

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
  const { t } = useTranslation(['console', 'tickets']);
  const id = useId();
  const set = (patch: Partial<QueueFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className={styles.filters}>
      <div className={styles.toggles} role="group" aria-label={t('filters.quick')}>
        <Toggle
          label={t('filters.needsReply')}
          count={summary?.needs_reply}
          pressed={filter.needsReply}
          onToggle={() => set({ needsReply: !filter.needsReply })}
        />
        <Toggle
          label={t('filters.overdue')}
          count={summary?.overdue}
          pressed={filter.overdue}
          tone={summary && summary.overdue > 0 ? 'danger' : undefined}
          onToggle={() => set({ overdue: !filter.overdue })}
        />
        <Toggle
          label={t('filters.dueToday')}
          count={summary?.due_today}
          pressed={filter.dueToday}
          onToggle={() => set({ dueToday: !filter.dueToday })}
        />
        {assigneeLocked ? null : (
          <>
            <Toggle
              label={t('filters.mine')}
              count={summary?.mine}
              pressed={filter.assignee === 'me'}
              onToggle={() => set({ assignee: filter.assignee === 'me' ? null : 'me' })}
            />
            <Toggle
              label={t('filters.unassigned')}
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
            {t('filters.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className={styles.input}
            placeholder={t('filters.searchPlaceholder')}
            value={search}
            onChange={(event) => onSearch(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
          />
        </div>
        <label className={styles.select}>
          <span>{t('filters.type')}</span>
          <select
            value={filter.category ?? ''}
            onChange={(event) => set({ category: event.target.value === '' ? null : (event.target.value as RequestType) })}
          >
            <option value="">{t('filters.anyType')}</option>
            {REQUEST_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.select}>
          <span>{t('filters.status')}</span>
          <select value={filter.status} onChange={(event) => set({ status: event.target.value as QueueStatus })}>
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        {assigneeLocked ? null : (
          <label className={styles.select}>
            <span>{t('filters.assignee')}</span>
            <select
              value={assigneeValue(filter.assignee)}
              onChange={(event) => set({ assignee: parseAssignee(event.target.value) })}
            >
              <option value="">{t('filters.anyone')}</option>
              <option value="me">{t('filters.me')}</option>
              <option value="none">{t('filters.unassigned')}</option>
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
            {t('filters.account', { name: accountName ?? t('tickets:number', { id: filter.accountId }) })}
            <button
              type="button"
              className={styles.chipRemove}
              aria-label={t('filters.everyAccount')}
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
