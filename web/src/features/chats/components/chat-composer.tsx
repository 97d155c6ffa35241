import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { isApiError } from '@/lib/api-client';
import { i18n, useTranslation } from '@/lib/i18n';
import { MESSAGE_MAX_LENGTH } from '../api/chat-actions';
import styles from './chat-composer.module.css';

export interface ChatComposerProps {
  /** The field's accessible name, e.g. "Message as the client". */
  label: string;
  placeholder: string;
  sending: boolean;
  disabled?: boolean;
  /** Resolves when sent; a rejection is shown above the field and the draft kept. */
  onSend: (text: string) => Promise<unknown>;
}

/** Validates a chat message as the API does: 1–4000 characters after trimming. */
export function messageProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return i18n.t('chats:composer.empty');
  if (trimmed.length > MESSAGE_MAX_LENGTH) {
    return i18n.t('chats:composer.tooLong', { max: MESSAGE_MAX_LENGTH, length: trimmed.length });
  }
  return null;
}

export function sendErrorText(error: unknown): string {
  if (isApiError(error) && error.code === 'rate_limited') {
    const wait = error.retryAfterSeconds;
    return wait ? i18n.t('chats:composer.rateLimitedIn', { seconds: wait }) : i18n.t('chats:composer.rateLimited');
  }
  return error instanceof Error
    ? i18n.t('chats:composer.notSent', { message: error.message })
    : i18n.t('chats:composer.notSentUnknown');
}

/** Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ label, placeholder, sending, disabled = false, onSend }: ChatComposerProps) {
  const { t } = useTranslation('chats');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);

  const send = () => {
    if (sending || disabled) return;
    const problem = messageProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    onSend(draft.trim()).then(
      () => {
        setDraft('');
        ref.current?.focus();
      },
      (failure: unknown) => setError(sendErrorText(failure)),
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className={styles.composer} onSubmit={onSubmit} aria-label={label}>
      <FormAlert message={error} />
      <div className={styles.row}>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <textarea
          id={id}
          ref={ref}
          className={styles.input}
          rows={2}
          placeholder={placeholder}
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          maxLength={MESSAGE_MAX_LENGTH + 1000}
        />
        <Button type="submit" loading={sending} disabled={disabled || draft.trim() === ''}>
          {t('composer.send')}
        </Button>
      </div>
      <p className={styles.hint}>{t('composer.hint')}</p>
    </form>
  );
}
