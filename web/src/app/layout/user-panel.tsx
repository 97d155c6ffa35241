import { Button } from '@/components/ui/button';
import { useTranslation } from '@/lib/i18n';
import styles from './app-layout.module.css';

export interface UserPanelProps {
  name: string;
  detail: string;
  signingOut: boolean;
  signOutError: string | null;
  onSignOut: () => void;
}

export function UserPanel({ name, detail, signingOut, signOutError, onSignOut }: UserPanelProps) {
  const { t } = useTranslation('shell');
  const initial = name.trim().charAt(0).toUpperCase() || '?';
  return (
    <div className={styles.userPanel}>
      <div className={styles.userRow}>
        <span className={styles.avatar} aria-hidden="true">
          {initial}
        </span>
        <div className={styles.userText}>
          <span className={styles.userName}>{name}</span>
          <span className={styles.userDetail}>{detail}</span>
        </div>
      </div>
      {signOutError ? (
        <p role="alert" className={styles.signOutError}>
          {signOutError}
        </p>
      ) : null}
      <Button variant="secondary" fullWidth loading={signingOut} onClick={onSignOut}>
        {t('user.signOut')}
      </Button>
    </div>
  );
}
