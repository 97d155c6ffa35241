import type { RequestType, TicketStatus } from '../api/ticket-schemas';

export interface RequestTypeInfo {
  value: RequestType;
  /** The type of request, as the help page names it. */
  label: string;
  /** What it covers. */
  examples: string;
  /** When to expect the team's reply, after "Reply". */
  responseTime: string;
}

export const REQUEST_TYPES: readonly RequestTypeInfo[] = [
  {
    value: 'critical',
    label: 'Critical issue',
    examples: 'platform down, unexpected charges',
    responseTime: 'within 4 hours, around the clock',
  },
  {
    value: 'question',
    label: 'Configuration or feature question',
    examples: 'how to set up or use a feature',
    responseTime: 'within one business day',
  },
  {
    value: 'feature_request',
    label: 'Feature request or suggestion',
    examples: 'an idea to make Textura better',
    responseTime: 'within 1–2 business days',
  },
];

export function requestTypeInfo(type: RequestType): RequestTypeInfo {
  const info = REQUEST_TYPES.find((t) => t.value === type);
  if (!info) throw new Error(`unknown request type ${type}`);
  return info;
}

export function requestTypeLabel(type: RequestType): string {
  return requestTypeInfo(type).label;
}

/** "Reply within one business day" — shown next to each request type. */
export function responseTimeLabel(type: RequestType): string {
  return `Reply ${requestTypeInfo(type).responseTime}`;
}

export const STATUS_LABELS: Record<TicketStatus, string> = {
  on_customer: 'On Customer',
  done: 'Done',
};
