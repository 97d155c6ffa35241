import { i18n } from '@/lib/i18n';

const HISTORY_KINDS = ['created', 'assigned', 'unassigned', 'sla_breached', 'closed', 'note_added'] as const;
type HistoryKind = (typeof HISTORY_KINDS)[number];

function isHistoryKind(kind: string): kind is HistoryKind {
  return (HISTORY_KINDS as readonly string[]).includes(kind);
}

/** "Assigned to Olga by Ivan": a history entry as one line (a kind this app does not know reads as its name). */
export function historyLabel(kind: string, details: Record<string, unknown>, actor: string | null): string {
  const t = i18n.getFixedT(null, 'console');
  const assignee = typeof details.assignee_name === 'string' ? details.assignee_name : null;
  const event =
    kind === 'assigned' && assignee
      ? t('history.assignedTo', { assignee })
      : isHistoryKind(kind)
        ? t(`history.${kind}`)
        : kind.replace(/_/g, ' ');
  if (actor) return t('history.by', { event, actor });
  if (details.auto === 'true') return t('history.automatically', { event });
  return event;
}
