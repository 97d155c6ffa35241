import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '@/lib/i18n';
import type { CannedReply } from '../api/schemas';
import styles from './composer.module.css';

export interface CannedPickerProps {
  /** `slash`: driven by "/shortcut" typed in the composer (no search box of its own). */
  source: 'slash' | 'search';
  query: string;
  onQuery: (query: string) => void;
  items: readonly CannedReply[];
  highlight: number;
  onHighlight: (index: number) => void;
  onPick: (reply: CannedReply) => void;
  /** Arrow keys, Enter and Escape typed in the search box. */
  onKey: (event: KeyboardEvent<HTMLElement>) => void;
  loading: boolean;
  error: string | null;
}

/** The canned replies matching what was typed; arrows move, Enter inserts, Escape closes. */
export function CannedPicker({
  source,
  query,
  onQuery,
  items,
  highlight,
  onHighlight,
  onPick,
  onKey,
  loading,
  error,
}: CannedPickerProps) {
  const { t } = useTranslation('console');
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (source === 'search') inputRef.current?.focus();
  }, [source]);

  useEffect(() => {
    document.getElementById(optionId(highlight))?.scrollIntoView?.({ block: 'nearest' });
  });

  return (
    <div className={styles.picker} role="dialog" aria-label={t('picker.label')}>
      {source === 'search' ? (
        <input
          ref={inputRef}
          className={styles.pickerSearch}
          type="search"
          role="combobox"
          aria-label={t('picker.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={highlight >= 0 ? optionId(highlight) : undefined}
          placeholder={t('picker.searchPlaceholder')}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKey}
          autoComplete="off"
        />
      ) : (
        <p className={styles.pickerHint}>
          {`${query === '' ? t('picker.typeShortcut') : t('picker.shortcut', { query })} · ${t('picker.keys')}`}
        </p>
      )}
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      {loading ? (
        <p className={styles.pickerEmpty} role="status">
          {t('picker.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className={styles.pickerEmpty}>{t('picker.none')}</p>
      ) : (
        <ul id={listId} role="listbox" aria-label={t('picker.matching')} className={styles.pickerList}>
          {items.map((reply, index) => (
            <li
              key={reply.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlight}
              className={styles.pickerOption}
              onMouseEnter={() => onHighlight(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(reply)}
            >
              <span className={styles.pickerTitle}>
                {reply.title}
                {reply.shortcut ? <span className={styles.pickerShortcut}>{`/${reply.shortcut}`}</span> : null}
                {reply.shared ? <span className={styles.pickerShared}>{t('picker.shared')}</span> : null}
              </span>
              <span className={styles.pickerBody}>{reply.body}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
