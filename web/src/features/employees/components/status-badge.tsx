import { useTranslation } from '@/lib/i18n';
import type { EmployeeStatus } from '../api/employee-schemas';
import styles from './employees.module.css';

export function StatusBadge({ status }: { status: EmployeeStatus }) {
  const { t } = useTranslation('employees');
  return (
    <span className={styles.badge} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
