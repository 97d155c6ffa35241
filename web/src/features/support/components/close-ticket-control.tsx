import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useCloseTicket } from '../api/close-ticket';
import styles from './ticket-view.module.css';

/** "Mark as Done", confirmed first: Done is final. */
export function CloseTicketControl({ ticketId, isStaff }: { ticketId: number; isStaff: boolean }) {
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
        Mark as Done
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
        Mark this ticket as Done?
      </p>
      <p id={textId} className={styles.confirmText}>
        {isStaff
          ? 'Done is final: the ticket is archived and nobody can write in it again. The customer can open a follow-up.'
          : 'Done is final: the ticket is archived and cannot be reopened. If the issue returns, you can create a follow-up.'}
      </p>
      {close.isError ? (
        <p role="alert" className={styles.confirmError}>
          {`Could not close the ticket: ${close.error.message}`}
        </p>
      ) : null}
      <div className={styles.confirmActions}>
        <Button ref={confirmRef} loading={close.isPending} onClick={() => close.mutate(ticketId)}>
          Yes, mark as Done
        </Button>
        <Button variant="ghost" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
