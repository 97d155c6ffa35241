import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useAgents } from '../api/agents';
import type { StaffTicket, Viewer } from '../api/schemas';
import { useAssign, useCloseTicket, useTake } from '../api/ticket-actions';
import { presenceLabel } from '../utils/presence';
import styles from './ticket-page.module.css';

/** Who works on the ticket: any active agent, nobody, or "Take" it yourself. */
export function AssignControl({ ticket, userId }: { ticket: StaffTicket; userId: number }) {
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
        <span>Assignee</span>
        <select
          value={ticket.assignee ? String(ticket.assignee.id) : ''}
          disabled={!open || busy}
          onChange={(event) =>
            assign.mutate({ ticketId: ticket.id, assigneeId: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">Unassigned</option>
          {options.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.id === userId ? `${agent.name} (you)` : agent.name}
            </option>
          ))}
        </select>
      </label>
      {open && ticket.assignee?.id !== userId ? (
        <Button variant="secondary" loading={take.isPending} disabled={busy} onClick={() => take.mutate({ ticketId: ticket.id })}>
          Take
        </Button>
      ) : null}
      {failure ? (
        <p role="alert" className={styles.error}>{`Could not assign: ${failure.message}`}</p>
      ) : null}
    </div>
  );
}

/** Done, confirmed first: it is final. */
export function CloseControl({ ticketId }: { ticketId: number }) {
  const [confirming, setConfirming] = useState(false);
  const close = useCloseTicket();
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Done
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label="Mark this ticket as Done?" className={styles.confirm}>
      <p className={styles.confirmText}>Mark as Done? It is final; the customer can open a follow-up.</p>
      {close.isError ? <p role="alert" className={styles.error}>{`Could not close: ${close.error.message}`}</p> : null}
      <div className={styles.confirmActions}>
        <Button loading={close.isPending} onClick={() => close.mutate({ ticketId }, { onSuccess: () => setConfirming(false) })}>
          Yes, mark as Done
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Collision warning: other agents on this ticket, and whether they are typing. */
export function PresenceIndicator({ viewers }: { viewers: readonly Viewer[] }) {
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
