import type { TicketStatus } from '../api/ticket-schemas';
import { STATUS_LABELS } from '../utils/labels';
import styles from './status-chip.module.css';

export function StatusChip({ status }: { status: TicketStatus }) {
  return (
    <span className={styles.chip} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
