import { Link, useLocation } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { useTranslation } from '@/lib/i18n';
import { NavIcon } from './nav-icon';
import { activeNavItem, type NavItem } from './nav-items';
import styles from './app-layout.module.css';

export interface SidebarNavProps {
  items: readonly NavItem[];
  unreadTotal: number;
}

export function SidebarNav({ items, unreadTotal }: SidebarNavProps) {
  // One item is current even where sections nest (/support/reports under /support).
  const active = activeNavItem(items, useLocation().pathname);
  const { t } = useTranslation('shell');
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <ul className={styles.navList}>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              aria-current={item.to === active ? 'page' : undefined}
              className={[styles.navLink, item.to === active ? styles.active : ''].join(' ')}
            >
              <NavIcon name={item.icon} />
              <span className={styles.navLabel}>{t(item.label)}</span>
              {item.showsUnread ? <CountBadge count={unreadTotal} /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
