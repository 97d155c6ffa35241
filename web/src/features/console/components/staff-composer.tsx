import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { AttachButton, AttachmentChips, DropOverlay } from '@/components/attachments/attachment-tray';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useAttachmentQueue } from '@/hooks/use-attachment-queue';
import { isApiError } from '@/lib/api-client';
import { useTranslation } from '@/lib/i18n';
import { renderCanned, useCannedReplies } from '../api/canned-replies';
import type { CannedReply } from '../api/schemas';
import { usePostNote, usePostReply } from '../api/ticket-actions';
import { isPickerShortcut, moveHighlight, searchCanned, slashQuery } from '../utils/canned';
import { CannedPicker } from './canned-picker';
import styles from './composer.module.css';

export type ComposerMode = 'reply' | 'note';

export interface StaffComposerProps {
  ticketId: number;
  /** Done tickets take no replies, only notes. */
  canReply: boolean;
  onTypingChange: (typing: boolean) => void;
}

const BODY_MAX_LENGTH = 20_000;
// After this long without a keystroke, the agent is no longer typing.
const TYPING_IDLE_MS = 4_000;

interface PickerState {
  source: 'slash' | 'search';
  query: string;
  highlight: number;
}

function isSend(event: KeyboardEvent<HTMLElement>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/**
 * The agent's writing box: a reply to the customer or an internal note,
 * canned replies from a picker (button, "/" + shortcut, Ctrl/Cmd+Shift+K),
 * and files. Ctrl/Cmd+Enter sends.
 */
export function StaffComposer({ ticketId, canReply, onTypingChange }: StaffComposerProps) {
  const { t } = useTranslation(['console', 'tickets']);
  const fieldId = useId();
  const [chosenMode, setMode] = useState<ComposerMode>('reply');
  const mode: ComposerMode = canReply ? chosenMode : 'note';
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const reply = usePostReply();
  const note = usePostNote();
  const post = mode === 'reply' ? reply : note;
  const files = useAttachmentQueue();
  const canned = useCannedReplies();
  const matches = useMemo(
    () => (picker ? searchCanned(canned.data ?? [], picker.query) : []),
    [picker, canned.data],
  );

  // Typing: a keystroke within the last few seconds, with something written.
  const [lastKeystroke, setLastKeystroke] = useState(0);
  const typing = lastKeystroke > 0 && draft.trim() !== '';
  useEffect(() => {
    if (lastKeystroke === 0) return;
    const timer = setTimeout(() => setLastKeystroke(0), TYPING_IDLE_MS);
    return () => clearTimeout(timer);
  }, [lastKeystroke]);
  useEffect(() => onTypingChange(typing), [typing, onTypingChange]);

  const openSearch = () => {
    setPickError(null);
    setPicker({ source: 'search', query: '', highlight: 0 });
  };

  const closePicker = () => {
    setPicker(null);
    textareaRef.current?.focus();
  };

  const pick = (chosen: CannedReply) => {
    const source = picker?.source;
    setPickError(null);
    renderCanned(chosen.id, ticketId)
      .then((body) => {
        const textarea = textareaRef.current;
        setDraft((current) => {
          if (source === 'slash' || current.trim() === '') return body;
          const at = textarea?.selectionStart ?? current.length;
          return `${current.slice(0, at)}${body}${current.slice(at)}`;
        });
        setPicker(null);
        queueMicrotask(() => textareaRef.current?.focus());
      })
      .catch((failure: unknown) =>
        setPickError(
          failure instanceof Error
            ? t('composer.insertFailed', { message: failure.message })
            : t('composer.insertFailedUnknown'),
        ),
      );
  };

  /** Arrow keys, Enter and Escape while the picker is open; true when handled. */
  const pickerKey = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!picker) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setPicker({ ...picker, highlight: moveHighlight(picker.highlight, event.key, matches.length) });
      return true;
    }
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const chosen = matches[picker.highlight] ?? matches[0];
      if (chosen) pick(chosen);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      closePicker();
      return true;
    }
    return false;
  };

  const onDraftChange = (value: string) => {
    setDraft(value);
    setLastKeystroke(Date.now());
    const slash = slashQuery(value);
    if (slash !== null) {
      setPicker((current) =>
        current?.source === 'slash' && current.query === slash ? current : { source: 'slash', query: slash, highlight: 0 },
      );
    } else if (picker?.source === 'slash') {
      setPicker(null);
    }
  };

  const send = () => {
    const body = draft.trim();
    if ((body === '' && files.items.length === 0) || post.isPending || files.uploading) return;
    if (files.blocked) {
      setError(files.blocked);
      return;
    }
    if (body.length > BODY_MAX_LENGTH) {
      setError(t('tickets:tooLong', { count: BODY_MAX_LENGTH }));
      return;
    }
    setError(null);
    post.mutate(
      { ticketId, body, attachmentIds: files.ids },
      {
        onSuccess: () => {
          setDraft('');
          setLastKeystroke(0);
          files.clear();
          textareaRef.current?.focus();
        },
        onError: (failure) =>
          setError(
            isApiError(failure) && failure.code === 'ticket_closed'
              ? t('composer.closed')
              : t('tickets:notSent', { message: failure.message }),
          ),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isPickerShortcut(event)) {
      event.preventDefault();
      openSearch();
      return;
    }
    if (picker?.source === 'slash' && pickerKey(event)) return;
    if (isSend(event)) {
      event.preventDefault();
      send();
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const label = mode === 'reply' ? t('composer.replyField') : t('composer.noteField');
  return (
    <form
      className={styles.composer}
      data-mode={mode}
      onSubmit={onSubmit}
      aria-label={mode === 'reply' ? t('composer.replyForm') : t('composer.noteForm')}
      {...files.dropZone}
    >
      <DropOverlay active={files.dragging} />
      <div className={styles.modes} role="radiogroup" aria-label={t('composer.modes')}>
        <label className={styles.mode}>
          <input
            type="radio"
            name={`${fieldId}-mode`}
            checked={mode === 'reply'}
            disabled={!canReply}
            onChange={() => setMode('reply')}
          />
          <span>{t('composer.reply')}</span>
        </label>
        <label className={styles.mode} data-kind="note">
          <input type="radio" name={`${fieldId}-mode`} checked={mode === 'note'} onChange={() => setMode('note')} />
          <span>{t('composer.note')}</span>
        </label>
        {mode === 'note' ? <span className={styles.noteHint}>{t('thread.noteLabel')}</span> : null}
      </div>
      <FormAlert message={error} />
      {picker ? (
        <CannedPicker
          source={picker.source}
          query={picker.query}
          onQuery={(query) => setPicker({ ...picker, query, highlight: 0 })}
          items={matches}
          highlight={picker.highlight}
          onHighlight={(highlight) => setPicker({ ...picker, highlight })}
          onPick={pick}
          onKey={(event) => void pickerKey(event)}
          loading={canned.isPending}
          error={pickError ?? (canned.isError ? t('composer.cannedFailed', { message: canned.error.message }) : null)}
        />
      ) : null}
      <label htmlFor={fieldId} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={fieldId}
        ref={textareaRef}
        className={styles.input}
        rows={4}
        placeholder={
          mode === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')
        }
        value={draft}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={files.onPaste}
      />
      <AttachmentChips queue={files} />
      <div className={styles.row}>
        <AttachButton queue={files} />
        <Button
          variant="ghost"
          aria-keyshortcuts="Control+Shift+K Meta+Shift+K"
          onClick={() => (picker ? closePicker() : openSearch())}
        >
          {t('composer.canned')}
        </Button>
        <p className={styles.hint}>{t('composer.hint')}</p>
        <Button type="submit" loading={post.isPending} disabled={files.uploading}>
          {mode === 'reply' ? t('composer.sendReply') : t('composer.addNote')}
        </Button>
      </div>
    </form>
  );
}
