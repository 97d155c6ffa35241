// Times in the user's own time zone (from their profile).

function zone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function format(iso: string | number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone(timeZone) }).format(new Date(iso));
}

/** "15:04" today, "24 Nov, 15:04" on another day, "24 Nov 2024, 15:04" in another year. */
export function formatChatTime(iso: string, timeZone: string, now: number = Date.now()): string {
  const time = format(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (format(iso, timeZone, { dateStyle: 'short' }) === format(now, timeZone, { dateStyle: 'short' })) return time;
  const sameYear = format(iso, timeZone, { year: 'numeric' }) === format(now, timeZone, { year: 'numeric' });
  const date = format(iso, timeZone, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
  return `${date}, ${time}`;
}

export function formatFullChatTime(iso: string, timeZone: string): string {
  return format(iso, timeZone, { dateStyle: 'full', timeStyle: 'short' });
}
