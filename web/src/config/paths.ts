/** Client-side routes. */
export const paths = {
  home: '/',
  login: '/login',
  signup: '/signup',
  employees: '/employees',
  chats: '/chats',
  channels: '/channels',
  finance: '/finance',
  support: '/support',
  supportNew: '/support/new',
  supportHelp: '/support/help',
  settings: '/settings',
  settingsIntegrations: '/settings/integrations',
  supportReports: '/support/reports',
  adminStaff: '/admin/staff',
  adminAudit: '/admin/audit-log',
  adminSla: '/admin/sla',
  consoleQueue: '/console/queue',
  consoleMine: '/console/mine',
  consoleCanned: '/console/canned-replies',
} as const;

/** Query parameter carrying the page to return to after signing in. */
export const REDIRECT_PARAM = 'next';

/** One support ticket's page. */
export function ticketPath(id: number): string {
  return `${paths.support}/${id}`;
}

/** One ticket in the support team's console. */
export function consoleTicketPath(id: number): string {
  return `/console/tickets/${id}`;
}
