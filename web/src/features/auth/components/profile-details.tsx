import type { Account, Role, User } from '../api/session';
import styles from './profile-details.module.css';

const ROLE_LABELS: Record<Role, string> = {
  customer: 'Customer',
  staff: 'Support team',
  admin: 'Administrator',
};

export function ProfileDetails({ user, account }: { user: User; account: Account | null }) {
  const rows: [string, string][] = [
    ['Name', user.name],
    ['Email', user.email],
    ['Role', ROLE_LABELS[user.role]],
    ['Company', account?.name ?? 'None — support team members belong to Textura'],
  ];
  return (
    <dl className={styles.list}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.row}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
