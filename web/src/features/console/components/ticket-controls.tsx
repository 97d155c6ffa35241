import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useTranslation } from '@/lib/i18n';
import { useAgents } from '../api/agents';
import type { StaffTicket, Viewer } from '../api/schemas';
import { useAssign, useCloseTicket, useTake } from '../api/ticket-actions';
import { presenceLabel } from '../utils/presence';
import styles from './ticket-page.module.css';

/** Who works on the ticket: any active agent, nobody, or "Take" it yourself. */
export function AssignControl({ ticket, userId }: { ticket: StaffTicket; userId: number }) {
  const { t } = useTranslation('console');
  const agents = useAgents();
  const assign = useAssign();
  const take = useTake();
  const busy = assign.isPending || take.isPending;
  const failure = assign.error ?? take.error;
  const known = agents.data ?? [];
  const options =
    ticket.assignee && !known.some((agent) => agent.id === ticket.assignee?.id)
      ? [...known, { id: ticket.assignee.id, name: ticket.assignee.name }]
      : known;
  const open = ticket.status === 'on_customer';
  return (
    <div className={styles.assign}>
      <label className={styles.assignLabel}>
        <span>{t('assign.label')}</span>
        <select
          value={ticket.assignee ? String(ticket.assignee.id) : ''}
          disabled={!open || busy}
          onChange={(event) =>
            assign.mutate({ ticketId: ticket.id, assigneeId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{t('assign.unassigned')}</option>
          {options.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.id === userId ? t('assign.you', { name: agent.name }) : agent.name}
            </option>
          ))}
        </select>
      </label>
      {open && ticket.assignee?.id !== userId ? (
        <Button variant="secondary" loading={take.isPending} disabled={busy} onClick={() => take.mutate({ ticketId: ticket.id })}>
          {t('assign.take')}
        </Button>
      ) : null}
      {failure ? (
        <p role="alert" className={styles.error}>{t('assign.failed', { message: failure.message })}</p>
      ) : null}
    </div>
  );
}

/** Done, confirmed first: it is final. */
export function CloseControl({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation(['console', 'common']);
  const [confirming, setConfirming] = useState(false);
  const close = useCloseTicket();
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('close.button')}
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t('close.dialog')} className={styles.confirm}>
      <p className={styles.confirmText}>{t('close.text')}</p>
      {close.isError ? <p role="alert" className={styles.error}>{t('close.failed', { message: close.error.message })}</p> : null}
      <div className={styles.confirmActions}>
        <Button loading={close.isPending} onClick={() => close.mutate({ ticketId }, { onSuccess: () => setConfirming(false) })}>
          {t('close.confirm')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** Collision warning: other agents on this ticket, and whether they are typing. */
export function PresenceIndicator({ viewers }: { viewers: readonly Viewer[] }) {
  // Re-renders in a new language (the label comes from the catalog).
  useTranslation('console');
  const label = presenceLabel(viewers);
  return (
    <p className={styles.presence} role="status" data-active={label !== null} data-typing={viewers.some((v) => v.typing)}>
      {label ? (
        <>
          <span className={styles.presenceDot} aria-hidden="true" />
          {label}
        </>
      ) : null}
    </p>
  );
}
