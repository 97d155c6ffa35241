import type { EmployeeStatus } from '../api/employee-schemas';
import styles from './employees.module.css';

export function StatusBadge({ status }: { status: EmployeeStatus }) {
  return (
    <span className={styles.badge} data-status={status}>
      {status === 'active' ? 'Active' : 'Paused'}
    </span>
  );
}
