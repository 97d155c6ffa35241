import type { RequestType, TicketStatus } from '../api/schemas';

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  critical: 'Critical issue',
  question: 'Question',
  feature_request: 'Feature request',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  on_customer: 'On Customer',
  done: 'Done',
};

const HISTORY_LABELS: Record<string, string> = {
  created: 'Ticket created',
  assigned: 'Assigned',
  unassigned: 'Unassigned',
  sla_breached: 'Response target missed',
  closed: 'Marked as Done',
  note_added: 'Internal note added',
};

/** "Assigned to Olga by Ivan": a history entry as one line. */
export function historyLabel(kind: string, details: Record<string, unknown>, actor: string | null): string {
  const base = HISTORY_LABELS[kind] ?? kind.replace(/_/g, ' ');
  const assignee = typeof details.assignee_name === 'string' ? details.assignee_name : null;
  const target = kind === 'assigned' && assignee ? ` to ${assignee}` : '';
  const by = actor ? ` by ${actor}` : details.auto === 'true' ? ' automatically' : '';
  return `${base}${target}${by}`;
}
