import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useCloseTicket } from '../api/close-ticket';
import { useTranslation } from '@/lib/i18n';
import styles from './ticket-view.module.css';

/** "Mark as Done", confirmed first: Done is final. */
export function CloseTicketControl({ ticketId, isStaff }: { ticketId: number; isStaff: boolean }) {
  const { t } = useTranslation(['support', 'common']);
  const [confirming, setConfirming] = useState(false);
  const close = useCloseTicket();
  const titleId = useId();
  const textId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    close.reset();
    queueMicrotask(() => openerRef.current?.focus());
  };

  if (!confirming) {
    return (
      <Button ref={openerRef} variant="secondary" onClick={() => setConfirming(true)}>
        {t('close.open')}
      </Button>
    );
  }

  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className={styles.confirm}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <p id={titleId} className={styles.confirmTitle}>
        {t('close.title')}
      </p>
      <p id={textId} className={styles.confirmText}>
        {isStaff ? t('close.staffText') : t('close.text')}
      </p>
      {close.isError ? (
        <p role="alert" className={styles.confirmError}>
          {t('close.error', { message: close.error.message })}
        </p>
      ) : null}
      <div className={styles.confirmActions}>
        <Button ref={confirmRef} loading={close.isPending} onClick={() => close.mutate(ticketId)}>
          {t('close.confirm')}
        </Button>
        <Button variant="ghost" onClick={cancel}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </div>
  );
}
