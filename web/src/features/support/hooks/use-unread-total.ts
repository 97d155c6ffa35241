import { useTicketsSummary } from '../api/get-tickets-summary';

/** Unread team messages across the caller's tickets; 0 when unknown. */
export function useUnreadTotal(): number {
  const summary = useTicketsSummary();
  return summary.data?.unread_total ?? 0;
}
