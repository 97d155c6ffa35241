import type { TicketStatus } from '../api/ticket-schemas';
import { useTranslation } from '@/lib/i18n';
import styles from './status-chip.module.css';

export function StatusChip({ status }: { status: TicketStatus }) {
  const { t } = useTranslation('tickets');
  return (
    <span className={styles.chip} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
