import { useId, useRef } from 'react';
import type { AttachmentQueue } from '@/hooks/use-attachment-queue';
import { limitsText } from '@/lib/attachments/attachment-queue';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import styles from './attachment-tray.module.css';

export interface AttachButtonProps {
  queue: AttachmentQueue;
  disabled?: boolean;
}

/** The paperclip: opens the system's file picker (several files at once). */
export function AttachButton({ queue, disabled = false }: AttachButtonProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t('files.pick')}
        data-testid="attachment-input"
        onChange={(event) => {
          queue.addFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className={styles.attach}
        aria-label={t('files.attach')}
        title={t('files.attachTitle', { limits: limitsText() })}
        disabled={disabled}
        onClick={() => inputRef.current?.click()}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l8.6-8.6a3.7 3.7 0 015.2 5.2l-8.6 8.6a1.8 1.8 0 01-2.6-2.6l7.9-7.9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </>
  );
}

/** The files waiting to go with the message: name, size, progress or what went wrong. */
export function AttachmentChips({ queue }: { queue: AttachmentQueue }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const listId = useId();
  if (queue.items.length === 0 && queue.notice === null) return null;
  return (
    <div className={styles.tray}>
      {queue.notice ? (
        <p className={styles.notice} role="status">
          {queue.notice}
        </p>
      ) : null}
      {queue.items.length > 0 ? (
        <ul id={listId} className={styles.chips} aria-label={t('files.toSend')}>
          {queue.items.map((item) => {
            const name = item.file.name;
            const percent = Math.round(item.progress * 100);
            return (
              <li key={item.key} className={styles.chip} data-status={item.status}>
                <div className={styles.chipRow}>
                  <span className={styles.name} title={name}>
                    {name}
                  </span>
                  <span className={styles.size}>{fmt.size(item.file.size)}</span>
                  {item.status === 'failed' && item.retryable ? (
                    <button
                      type="button"
                      className={styles.textButton}
                      aria-label={t('files.retryName', { name })}
                      onClick={() => queue.retry(item.key)}
                    >
                      {t('action.retry')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className={styles.remove}
                    aria-label={t('files.removeName', { name })}
                    onClick={() => queue.remove(item.key)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </div>
                {item.status === 'uploading' ? (
                  <progress
                    className={styles.progress}
                    max={100}
                    value={percent}
                    aria-label={t('files.uploading', { name })}
                  >
                    {fmt.percent(item.progress)}
                  </progress>
                ) : null}
                {item.status === 'failed' && item.error ? (
                  <p className={styles.error} role="alert">
                    {item.error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** Shown over the form while files are dragged onto it. */
export function DropOverlay({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {active ? t('files.dropLive') : ''}
      </p>
      {active ? (
        <div className={styles.overlay} aria-hidden="true">
          <span>{t('files.drop')}</span>
          <span className={styles.overlayHint}>{limitsText()}</span>
        </div>
      ) : null}
    </>
  );
}
