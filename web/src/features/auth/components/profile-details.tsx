import type { Account, Role, User } from '../api/session';
import { useTranslation } from '@/lib/i18n';
import styles from './profile-details.module.css';

const ROLE_LABELS = { customer: 'role.customer', staff: 'role.staff', admin: 'role.admin' } as const satisfies Record<
  Role,
  string
>;

export function ProfileDetails({ user, account }: { user: User; account: Account | null }) {
  const { t } = useTranslation('auth');
  const rows: [string, string][] = [
    [t('field.name'), user.name],
    [t('field.email'), user.email],
    [t('profile.role'), t(ROLE_LABELS[user.role])],
    [t('field.company'), account?.name ?? t('profile.noCompany')],
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
