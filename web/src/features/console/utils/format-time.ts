// Times in the agent's own time zone (from their profile).

function safeTimeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function format(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: safeTimeZone(timeZone) }).format(new Date(iso));
}

/** "15:04" today, "24 Nov, 15:04" on another day. */
export function formatShortTime(iso: string, timeZone: string, now: number = Date.now()): string {
  const day = (time: string) => format(time, timeZone, { dateStyle: 'short' });
  const time = format(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (day(iso) === day(new Date(now).toISOString())) return time;
  return `${format(iso, timeZone, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** The full date and time, for a tooltip. */
export function formatFullTime(iso: string, timeZone: string): string {
  return format(iso, timeZone, { dateStyle: 'full', timeStyle: 'short' });
}

/** "24 Nov 2026": a day, for things like when an account was created. */
export function formatDate(iso: string, timeZone: string): string {
  return format(iso, timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
}
