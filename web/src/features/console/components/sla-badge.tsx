import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { Sla } from '../api/schemas';
import { slaTone, timeLeftLabel } from '../utils/sla';
import styles from './sla-badge.module.css';

/** Time left to reply (amber within a business hour, red once overdue), or that nothing is owed. */
export function SlaBadge({ sla }: { sla: Sla | null }) {
  const { t } = useTranslation('console');
  const fmt = useFormatters();
  const label = timeLeftLabel(sla);
  return (
    <span
      className={styles.badge}
      data-tone={slaTone(sla)}
      title={sla ? t('sla.dueTitle', { when: fmt.fullDateTime(sla.due_at) }) : undefined}
    >
      {label ?? t('sla.noReplyOwed')}
    </span>
  );
}
