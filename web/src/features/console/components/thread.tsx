import { useLayoutEffect, useRef } from 'react';
import { MessageAttachments } from '@/components/attachments/message-attachments';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { Message, Note } from '../api/schemas';
import { mergeThread } from '../utils/thread';
import styles from './thread.module.css';

export interface ThreadProps {
  messages: readonly Message[];
  notes: readonly Note[];
  now: number;
}

function Time({ at, now }: { at: string; now: number }) {
  const fmt = useFormatters();
  return (
    <time dateTime={at} title={fmt.fullDateTime(at)}>
      {fmt.dateTime(at, now)}
    </time>
  );
}

/**
 * The ticket's conversation with the team's internal notes between its
 * messages, by time. Notes look different (and say so), so nobody takes one
 * for something the customer has read.
 */
export function Thread({ messages, notes, now }: ThreadProps) {
  const { t } = useTranslation('console');
  const scrollRef = useRef<HTMLDivElement>(null);
  const entries = mergeThread(messages, notes);
  const lastKey = entries.at(-1)?.key;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lastKey]);

  return (
    <div ref={scrollRef} className={styles.scroll}>
      <ol className={styles.thread} role="log" aria-label={t('thread.label')}>
        {entries.map((entry) =>
          entry.kind === 'message' ? (
            <li
              key={entry.key}
              className={styles.entry}
              data-kind="message"
              data-side={entry.message.author.side}
              data-message-id={entry.message.id}
            >
              <div className={styles.bubble}>
                <p className={styles.meta}>
                  <span className={styles.author}>{entry.message.author.name}</span>
                  <span className={styles.side}>{entry.message.author.side === 'team' ? t('thread.team') : t('thread.customer')}</span>
                  <Time at={entry.at} now={now} />
                </p>
                {entry.message.body === '' ? null : <p className={styles.body}>{entry.message.body}</p>}
                <MessageAttachments attachments={entry.message.attachments} />
              </div>
            </li>
          ) : (
            <li key={entry.key} className={styles.entry} data-kind="note" data-note-id={entry.note.id}>
              <div className={styles.note}>
                <p className={styles.noteLabel}>
                  <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                    <path
                      d="M12 3a5 5 0 00-5 5v3H6a1 1 0 00-1 1v8a1 1 0 001 1h12a1 1 0 001-1v-8a1 1 0 00-1-1h-1V8a5 5 0 00-5-5zm-3 8V8a3 3 0 016 0v3z"
                      fill="currentColor"
                    />
                  </svg>
                  {t('thread.noteLabel')}
                </p>
                <p className={styles.meta}>
                  <span className={styles.author}>{entry.note.author.name}</span>
                  <Time at={entry.at} now={now} />
                </p>
                {entry.note.body === '' ? null : <p className={styles.body}>{entry.note.body}</p>}
                <MessageAttachments attachments={entry.note.attachments} />
              </div>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
