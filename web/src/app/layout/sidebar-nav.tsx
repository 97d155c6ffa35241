import { NavLink } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { NavIcon } from './nav-icon';
import type { NavItem } from './nav-items';
import styles from './app-layout.module.css';

export interface SidebarNavProps {
  items: readonly NavItem[];
  unreadTotal: number;
}

export function SidebarNav({ items, unreadTotal }: SidebarNavProps) {
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul className={styles.navList}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) => [styles.navLink, isActive ? styles.active : ''].join(' ')}
            >
              <NavIcon name={item.icon} />
              <span className={styles.navLabel}>{item.label}</span>
              {item.showsUnread ? <CountBadge count={unreadTotal} label="unread" /> : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
