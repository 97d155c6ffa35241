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
  | 'canned';

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

// The console first; the admin screens (SLA settings, reports, staff, audit
// log) go after "Canned replies".
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

/** The support team works from its console, so staff see it first. */
export function navItemsFor(isStaff: boolean): readonly NavItem[] {
  return isStaff ? STAFF_NAV : CUSTOMER_NAV;
}
