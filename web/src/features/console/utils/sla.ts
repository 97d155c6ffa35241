// The reply clock as agents read it: how long is left (in business time) or
// how long overdue, and the colour that goes with it.
import { i18n } from '@/lib/i18n';
import type { Sla, StaffTicket } from '../api/schemas';

export type SlaTone = 'ok' | 'warning' | 'breached' | 'none';

const t = () => i18n.getFixedT(null, 'console');

/** "2h 05m", "45m", "under 1m" ("2 ч 05 мин"); days are written as hours (business days are short). */
export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds) / 60);
  if (total < 1) return t()('sla.underMinute');
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t()('sla.minutes', { minutes });
  return t()('sla.hoursMinutes', { hours, minutes: String(minutes).padStart(2, '0') });
}

/** "3h 20m left", "Due now", "Overdue 1h 05m"; null when the team owes no reply. */
export function timeLeftLabel(sla: Sla | null): string | null {
  if (!sla) return null;
  const seconds = sla.business_seconds_left;
  if (seconds <= -60) return t()('sla.overdue', { duration: formatDuration(seconds) });
  if (seconds < 0) return t()('sla.overdueJustNow');
  if (seconds < 60) return t()('sla.dueNow');
  return t()('sla.left', { duration: formatDuration(seconds) });
}

export function slaTone(sla: Sla | null): SlaTone {
  return sla ? sla.state : 'none';
}

function dueKey(ticket: StaffTicket): number {
  const due = ticket.sla?.due_at ?? ticket.reply_due_at;
  return due === null ? Number.POSITIVE_INFINITY : Date.parse(due);
}

/**
 * The queue's order, as the server sorts it: due first (overdue first, then
 * soonest), then tickets nobody owes a reply on, most recent activity first.
 */
export function compareByDue(a: StaffTicket, b: StaffTicket): number {
  const dueA = dueKey(a);
  const dueB = dueKey(b);
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return Date.parse(b.last_message_at) - Date.parse(a.last_message_at) || b.id - a.id;
}
