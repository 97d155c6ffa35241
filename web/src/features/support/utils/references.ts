export type BodySegment =
  | { kind: 'text'; text: string }
  | { kind: 'ticket'; ticketId: number; text: string };

// `#123` standing on its own: not inside a word ("abc#1"), not followed by one ("#1a").
const TICKET_MENTION = /(?<![\p{L}\p{N}_&#])#(\d{1,12})(?![\p{L}\p{N}_])/gu;

/**
 * A message body split into plain text and `#<id>` mentions. A mention is a
 * link only when the server listed the ticket in `references` (the reader may
 * open it); any other `#<id>` stays text. Nothing here is ever HTML.
 */
export function splitBody(body: string, references: readonly number[]): BodySegment[] {
  const linkable = new Set(references);
  const segments: BodySegment[] = [];
  let textStart = 0;
  for (const match of body.matchAll(TICKET_MENTION)) {
    const ticketId = Number(match[1]);
    if (!linkable.has(ticketId)) continue;
    if (match.index > textStart) segments.push({ kind: 'text', text: body.slice(textStart, match.index) });
    segments.push({ kind: 'ticket', ticketId, text: match[0] });
    textStart = match.index + match[0].length;
  }
  if (textStart < body.length) segments.push({ kind: 'text', text: body.slice(textStart) });
  return segments;
}
