// The staff thread: the conversation with the customer and the team's
// internal notes, one timeline ordered by time.
import type { Message, Note } from '../api/schemas';

export type ThreadEntry =
  | { kind: 'message'; key: string; at: string; message: Message }
  | { kind: 'note'; key: string; at: string; note: Note };

/** Messages and notes merged oldest first; on equal times a message comes before a note. */
export function mergeThread(messages: readonly Message[], notes: readonly Note[]): ThreadEntry[] {
  const entries: ThreadEntry[] = [
    ...messages.map((message) => ({ kind: 'message' as const, key: `m${message.id}`, at: message.created_at, message })),
    ...notes.map((note) => ({ kind: 'note' as const, key: `n${note.id}`, at: note.created_at, note })),
  ];
  const rank = (entry: ThreadEntry) => (entry.kind === 'message' ? 0 : 1);
  const id = (entry: ThreadEntry) => (entry.kind === 'message' ? entry.message.id : entry.note.id);
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || rank(a) - rank(b) || id(a) - id(b));
}

/** `incoming` added to `existing`, each item once (the newest copy), in id order. */
export function mergeById<T extends { id: number }>(existing: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const item of existing) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
