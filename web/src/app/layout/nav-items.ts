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

export interface NavItem {
  to: string;
  label: string;
  icon: NavIcon;
  /** Shows the unread-messages badge. */
  showsUnread?: boolean;
}

const EMPLOYEES: NavItem = { to: paths.employees, label: 'AI Employees', icon: 'employees' };
const CHATS: NavItem = { to: paths.chats, label: 'Chats', icon: 'chats' };
const CHANNELS: NavItem = { to: paths.channels, label: 'Channels', icon: 'channels' };
const FINANCE: NavItem = { to: paths.finance, label: 'Finance', icon: 'finance' };
const SETTINGS: NavItem = { to: paths.settings, label: 'Account Settings', icon: 'settings' };

const CUSTOMER_NAV: readonly NavItem[] = [
  EMPLOYEES,
  CHATS,
  CHANNELS,
  FINANCE,
  { to: paths.support, label: 'Support', icon: 'support', showsUnread: true },
  SETTINGS,
];

// The console first; reports and the admin screens (SLA settings, staff, audit
// log) go after "All tickets".
const STAFF_NAV: readonly NavItem[] = [
  { to: paths.consoleQueue, label: 'Queue', icon: 'queue', showsUnread: true },
  { to: paths.consoleMine, label: 'My tickets', icon: 'mine' },
  { to: paths.consoleCanned, label: 'Canned replies', icon: 'canned' },
  { to: paths.support, label: 'All tickets', icon: 'support' },
  EMPLOYEES,
  CHATS,
  CHANNELS,
  FINANCE,
  SETTINGS,
];

const REPORTS: NavItem = { to: paths.supportReports, label: 'Reports', icon: 'reports' };
const ADMIN_NAV: readonly NavItem[] = [
  { to: paths.adminSla, label: 'SLA settings', icon: 'admin' },
  { to: paths.adminStaff, label: 'Staff', icon: 'admin' },
  { to: paths.adminAudit, label: 'Audit log', icon: 'admin' },
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
