import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { isApiError } from '@/lib/api-client';
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
  if (trimmed === '') return 'Write a message first.';
  if (trimmed.length > MESSAGE_MAX_LENGTH) {
    return `A message can be at most ${MESSAGE_MAX_LENGTH.toLocaleString('en')} characters (this one has ${trimmed.length.toLocaleString('en')}).`;
  }
  return null;
}

export function sendErrorText(error: unknown): string {
  if (isApiError(error) && error.code === 'rate_limited') {
    const wait = error.retryAfterSeconds;
    return `Too many messages at once. ${wait ? `Try again in ${wait} s.` : 'Wait a moment and try again.'}`;
  }
  return `Not sent: ${error instanceof Error ? error.message : 'unknown error'}`;
}

/** Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ label, placeholder, sending, disabled = false, onSend }: ChatComposerProps) {
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
          Send
        </Button>
      </div>
      <p className={styles.hint}>Enter to send · Shift+Enter for a new line</p>
    </form>
  );
}
