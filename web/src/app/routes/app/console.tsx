import { useCallback } from 'react';
import { Navigate, Outlet, useNavigate, useParams } from 'react-router';
import { consoleTicketPath, paths } from '@/config/paths';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { CannedRepliesPage } from '@/features/console/components/canned-replies-page';
import { QueuePage } from '@/features/console/components/queue-page';
import { TicketPage } from '@/features/console/components/ticket-page';
import { useConsoleEvents } from '@/features/console/hooks/use-console-events';
import type { ConsoleViewer } from '@/features/console/utils/viewer';

function useConsoleViewer(): ConsoleViewer {
  const { user } = useSession();
  return { userId: user.id, name: user.name, isAdmin: user.role === 'admin' };
}

/** /console/*: the support team's console; customers are sent to their Support page. */
export function ConsoleRoute() {
  const { user } = useSession();
  const navigate = useNavigate();
  const openTicket = useCallback((id: number) => void navigate(consoleTicketPath(id)), [navigate]);
  const staff = isStaffRole(user.role);
  if (!staff) return <Navigate to={paths.support} replace />;
  return <LiveConsole onOpenTicket={openTicket} />;
}

function LiveConsole({ onOpenTicket }: { onOpenTicket: (id: number) => void }) {
  useConsoleEvents({ onOpenTicket });
  return <Outlet />;
}

export function QueueRoute() {
  return <QueuePage viewer={useConsoleViewer()} scope="all" />;
}

export function MyTicketsRoute() {
  return <QueuePage viewer={useConsoleViewer()} scope="mine" />;
}

export function CannedRepliesRoute() {
  return <CannedRepliesPage viewer={useConsoleViewer()} />;
}

function parseTicketId(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return null;
  return Number(value);
}

export function ConsoleTicketRoute() {
  const { ticketId } = useParams();
  return <TicketPage key={ticketId} ticketId={parseTicketId(ticketId)} viewer={useConsoleViewer()} />;
}
