import { useTranslation } from '@/lib/i18n';
import styles from './count-badge.module.css';

export interface CountBadgeProps {
  /** Unread messages; screen readers hear "(5 unread)". */
  count: number;
}

/** A small red number; renders nothing for zero. */
export function CountBadge({ count }: CountBadgeProps) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <>
      <span className={styles.badge} aria-hidden="true" data-testid="count-badge">
        {shown}
      </span>
      <span className="visually-hidden">{t('count.unreadHidden', { count })}</span>
    </>
  );
}
