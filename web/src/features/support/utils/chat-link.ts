/**
 * The in-app path of a chat link pasted into a ticket — `/chats/5` or this
 * server's own `https://…/chats/5` (what "Copy link" copies) — or null for
 * anything else, which opens as an external link.
 */
export function inAppChatPath(url: string, origin: string = window.location.origin): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || !/^\/chats\/\d{1,12}$/.test(parsed.pathname)) return null;
  return parsed.pathname;
}
