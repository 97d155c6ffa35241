import type { Sla } from '../api/schemas';
import { formatFullTime } from '../utils/format-time';
import { slaTone, timeLeftLabel } from '../utils/sla';
import styles from './sla-badge.module.css';

/** Time left to reply (amber within a business hour, red once overdue), or that nothing is owed. */
export function SlaBadge({ sla, timeZone }: { sla: Sla | null; timeZone: string }) {
  const label = timeLeftLabel(sla);
  return (
    <span
      className={styles.badge}
      data-tone={slaTone(sla)}
      title={sla ? `Reply due ${formatFullTime(sla.due_at, timeZone)} (business hours)` : undefined}
    >
      {label ?? 'No reply owed'}
    </span>
  );
}
