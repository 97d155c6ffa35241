import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { isApiError } from '@/lib/api-client';
import { useTranslation } from '@/lib/i18n';
import { usePostMessage } from '../api/post-message';
import { useAttachmentQueue } from '@/hooks/use-attachment-queue';
import { limitsText } from '@/lib/attachments/attachment-queue';
import { BODY_MAX_LENGTH } from '../utils/new-ticket-validation';
import { isSendShortcut, sendShortcutLabel } from '../utils/send-shortcut';
import { AttachButton, AttachmentChips, DropOverlay } from '@/components/attachments/attachment-tray';
import styles from './composer.module.css';

export interface ComposerProps {
  ticketId: number;
  isStaff: boolean;
}

/**
 * Writes a message into the ticket, with files from the paperclip, a drop or
 * a pasted screenshot. Enter is a new line; Ctrl/Cmd+Enter or Send sends.
 */
export function Composer({ ticketId, isStaff }: ComposerProps) {
  const { t } = useTranslation(['support', 'tickets', 'common']);
  const fieldId = useId();
  const hintId = `${fieldId}-hint`;
  const limitsId = `${fieldId}-limits`;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const post = usePostMessage();
  const files = useAttachmentQueue();
  const canSend = (draft.trim() !== '' || files.items.length > 0) && !files.uploading;

  const send = () => {
    const body = draft.trim();
    if ((body === '' && files.items.length === 0) || post.isPending) return;
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
          files.clear();
          textareaRef.current?.focus();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.code === 'ticket_closed') {
            setError(t('tickets:closed'));
          } else {
            setError(t('tickets:notSent', { message: failure.message }));
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
    <form
      className={styles.composer}
      onSubmit={onSubmit}
      aria-label={t('composer.label')}
      aria-describedby={limitsId}
      {...files.dropZone}
    >
      <DropOverlay active={files.dragging} />
      <FormAlert message={error} />
      <label htmlFor={fieldId} className="visually-hidden">
        {isStaff ? t('composer.staffField') : t('composer.field')}
      </label>
      <textarea
        id={fieldId}
        ref={textareaRef}
        className={styles.input}
        rows={3}
        placeholder={isStaff ? t('composer.staffPlaceholder') : t('composer.placeholder')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={files.onPaste}
        aria-describedby={hintId}
      />
      <AttachmentChips queue={files} />
      <div className={styles.row}>
        <AttachButton queue={files} />
        <p className={styles.hint}>
          <span id={hintId}>{t('tickets:sendHint', { shortcut: sendShortcutLabel() })}</span>
          <span id={limitsId}>{t('composer.files', { limits: limitsText() })}</span>
        </p>
        <Button type="submit" loading={post.isPending} disabled={!canSend}>
          {t('common:action.send')}
        </Button>
      </div>
    </form>
  );
}
