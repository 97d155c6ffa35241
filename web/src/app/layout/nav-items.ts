import { paths } from '@/config/paths';

export type NavIcon =
  | 'employees'
  | 'chats'
  | 'channels'
  | 'finance'
  | 'support'
  | 'settings'
  | 'queue'
  | 'mine'
  | 'canned'
  | 'reports'
  | 'admin';

type NavLabel =
  | 'employees'
  | 'chats'
  | 'channels'
  | 'finance'
  | 'settings'
  | 'support'
  | 'queue'
  | 'mine'
  | 'canned'
  | 'allTickets'
  | 'reports'
  | 'sla'
  | 'staff'
  | 'audit';

export interface NavItem {
  to: string;
  /** The item's name in the `shell` catalog. */
  label: `nav.${NavLabel}`;
  icon: NavIcon;
  /** Shows the unread-messages badge. */
  showsUnread?: boolean;
}

const EMPLOYEES: NavItem = { to: paths.employees, label: 'nav.employees', icon: 'employees' };
const CHATS: NavItem = { to: paths.chats, label: 'nav.chats', icon: 'chats' };
const CHANNELS: NavItem = { to: paths.channels, label: 'nav.channels', icon: 'channels' };
const FINANCE: NavItem = { to: paths.finance, label: 'nav.finance', icon: 'finance' };
const SETTINGS: NavItem = { to: paths.settings, label: 'nav.settings', icon: 'settings' };

const CUSTOMER_NAV: readonly NavItem[] = [
  EMPLOYEES,
  CHATS,
  CHANNELS,
  FINANCE,
  { to: paths.support, label: 'nav.support', icon: 'support', showsUnread: true },
  SETTINGS,
];

// The console first; reports and the admin screens (SLA settings, staff, audit
// log) go after "All tickets".
const STAFF_NAV: readonly NavItem[] = [
  { to: paths.consoleQueue, label: 'nav.queue', icon: 'queue', showsUnread: true },
  { to: paths.consoleMine, label: 'nav.mine', icon: 'mine' },
  { to: paths.consoleCanned, label: 'nav.canned', icon: 'canned' },
  { to: paths.support, label: 'nav.allTickets', icon: 'support' },
  EMPLOYEES,
  CHATS,
  CHANNELS,
  FINANCE,
  SETTINGS,
];

const REPORTS: NavItem = { to: paths.supportReports, label: 'nav.reports', icon: 'reports' };
const ADMIN_NAV: readonly NavItem[] = [
  { to: paths.adminSla, label: 'nav.sla', icon: 'admin' },
  { to: paths.adminStaff, label: 'nav.staff', icon: 'admin' },
  { to: paths.adminAudit, label: 'nav.audit', icon: 'admin' },
];

/** The support team works from its console, so staff see it first; admins also manage. */
export function navItemsFor(isStaff: boolean, isAdmin = false): readonly NavItem[] {
  if (!isStaff) return CUSTOMER_NAV;
  const allTickets = STAFF_NAV.findIndex((item) => item.to === paths.support);
  return [
    ...STAFF_NAV.slice(0, allTickets + 1),
    REPORTS,
    ...(isAdmin ? ADMIN_NAV : []),
    ...STAFF_NAV.slice(allTickets + 1),
  ];
}

/**
 * The item the page at `pathname` belongs to: the longest `to` that is the path or
 * one of its parents, so /support/reports is Reports, not also the Support queue.
 */
export function activeNavItem(items: readonly NavItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const { to } of items) {
    const matches = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
    if (matches && (best === null || to.length > best.length)) best = to;
  }
  return best;
}
