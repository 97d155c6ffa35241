/** The chat's address as a customer pastes it into a ticket: absolute, on this server. */
export function absoluteChatUrl(url: string, origin: string = window.location.origin): string {
  try {
    return new URL(url, origin).href;
  } catch {
    return url;
  }
}
