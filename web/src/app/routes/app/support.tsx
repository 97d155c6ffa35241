import { Navigate, Outlet, useLocation, useMatch, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { NewTicketPage } from '@/features/support/components/new-ticket-page';
import { PanePlaceholder } from '@/features/support/components/pane-placeholder';
import { SupportHelp } from '@/features/support/components/support-help';
import { SupportWorkspace, type SupportView } from '@/features/support/components/support-workspace';
import { TicketView } from '@/features/support/components/ticket-view';
import { parseFollowUpParam } from '@/features/support/utils/follow-up';
import type { SupportViewer } from '@/features/support/utils/viewer';

function useViewer(): SupportViewer {
  const { user } = useSession();
  return { isStaff: isStaffRole(user.role), timeZone: user.time_zone };
}

function parseTicketId(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return null;
  return Number(value);
}

/** /support and everything under it: the list beside the current pane. */
export function SupportRoute() {
  const viewer = useViewer();
  const location = useLocation();
  const atList = useMatch(paths.support) !== null;
  const atNew = useMatch(paths.supportNew) !== null;
  const ticketId = parseTicketId(useMatch(`${paths.support}/:ticketId`)?.params.ticketId);
  const view: SupportView = atList ? 'list' : atNew ? 'wide' : ticketId !== null ? 'ticket' : 'page';
  return (
    <SupportWorkspace
      viewer={viewer}
      view={view}
      selectedTicketId={ticketId}
      paneKey={location.pathname}
    >
      <Outlet />
    </SupportWorkspace>
  );
}

/** /support: customers see the help beside their list; staff pick a ticket. */
export function SupportHomeRoute() {
  const viewer = useViewer();
  return viewer.isStaff ? <PanePlaceholder /> : <SupportHelp />;
}

export function SupportHelpRoute() {
  return <SupportHelp />;
}

/** /support/new: customers only — the support team answers tickets, it does not open them. */
export function NewTicketRoute() {
  const viewer = useViewer();
  const [params] = useSearchParams();
  if (viewer.isStaff) return <Navigate to={paths.support} replace />;
  return <NewTicketPage followUpOf={parseFollowUpParam(params.get('follow_up_of'))} />;
}

export function TicketRoute() {
  const viewer = useViewer();
  const { ticketId } = useParams();
  return <TicketView key={ticketId} ticketId={parseTicketId(ticketId)} viewer={viewer} />;
}
