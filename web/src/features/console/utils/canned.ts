// Finding a canned reply: by title, shortcut or text, and by the "/shortcut"
// an agent types at the start of the composer.
import type { CannedReply } from '../api/schemas';

export const SHORTCUT_PATTERN = /^[a-z0-9_-]{1,32}$/;

/** The replies matching `query` (any letter case): exact shortcut first, then title, then text. */
export function searchCanned(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return [...replies];
  const score = (reply: CannedReply): number => {
    const shortcut = reply.shortcut?.toLocaleLowerCase() ?? '';
    if (shortcut === q) return 0;
    if (shortcut.startsWith(q)) return 1;
    if (reply.title.toLocaleLowerCase().includes(q)) return 2;
    if (shortcut.includes(q) || reply.body.toLocaleLowerCase().includes(q)) return 3;
    return -1;
  };
  return replies
    .map((reply) => ({ reply, rank: score(reply) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.reply);
}

/**
 * The shortcut being typed when the whole draft is "/" plus shortcut
 * characters (e.g. "/" or "/refund"), else null: a slash later in the text
 * is just a slash.
 */
export function slashQuery(draft: string): string | null {
  const match = /^\/([a-z0-9_-]{0,32})$/i.exec(draft);
  return match ? (match[1] ?? '') : null;
}

export interface PickerKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl+Shift+K (Cmd+Shift+K on a Mac) opens the picker. */
export function isPickerShortcut(event: PickerKey): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k';
}

/** The highlighted row after an arrow key, wrapping around; -1 for an empty list. */
export function moveHighlight(current: number, key: 'ArrowDown' | 'ArrowUp', count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current < 0 ? 0 : (current + 1) % count;
  return current <= 0 ? count - 1 : current - 1;
}
