import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useTranslation } from '@/lib/i18n';
import styles from './back-to-tickets.module.css';

/** The way back to the list on phones, where the list and a ticket are two screens. */
export function BackToTickets() {
  const { t } = useTranslation('support');
  return (
    <Link to={paths.support} className={styles.back}>
      <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M15 5l-7 7 7 7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t('back')}
    </Link>
  );
}
