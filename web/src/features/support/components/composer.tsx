import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { isApiError } from '@/lib/api-client';
import { usePostMessage } from '../api/post-message';
import { BODY_MAX_LENGTH } from '../utils/new-ticket-validation';
import { isSendShortcut, sendShortcutLabel } from '../utils/send-shortcut';
import styles from './composer.module.css';

export interface ComposerProps {
  ticketId: number;
  isStaff: boolean;
}

/** Writes a message into the ticket. Enter is a new line; Ctrl/Cmd+Enter or Send sends. */
export function Composer({ ticketId, isStaff }: ComposerProps) {
  const fieldId = useId();
  const hintId = `${fieldId}-hint`;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const post = usePostMessage();

  const send = () => {
    const body = draft.trim();
    if (body === '' || post.isPending) return;
    if (body.length > BODY_MAX_LENGTH) {
      setError(`A message can be at most ${BODY_MAX_LENGTH.toLocaleString('en')} characters.`);
      return;
    }
    setError(null);
    post.mutate(
      { ticketId, body },
      {
        onSuccess: () => {
          setDraft('');
          textareaRef.current?.focus();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.code === 'ticket_closed') {
            setError('This ticket is Done, so it takes no new messages.');
          } else {
            setError(`Not sent: ${failure.message}`);
          }
        },
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
    if (isSendShortcut({ key, ctrlKey, metaKey, altKey, shiftKey, isComposing: event.nativeEvent.isComposing })) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className={styles.composer} onSubmit={onSubmit} aria-label="Write a message">
      <FormAlert message={error} />
      <label htmlFor={fieldId} className="visually-hidden">
        {isStaff ? 'Reply to the customer' : 'Message'}
      </label>
      <textarea
        id={fieldId}
        ref={textareaRef}
        className={styles.input}
        rows={3}
        placeholder={isStaff ? 'Reply to the customer…' : 'Write a message to the support team…'}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
      />
      <div className={styles.row}>
        <p id={hintId} className={styles.hint}>
          {`${sendShortcutLabel()} to send · Enter for a new line`}
        </p>
        <Button type="submit" loading={post.isPending} disabled={draft.trim() === ''}>
          Send
        </Button>
      </div>
    </form>
  );
}
