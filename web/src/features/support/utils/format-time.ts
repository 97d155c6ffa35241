// Times as people read them: in the user's own time zone (from their profile).

function safeTimeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: safeTimeZone(timeZone) }).format(new Date(iso));
}

function sameYear(iso: string, now: number, timeZone: string): boolean {
  const year = (time: Date) => parts(time.toISOString(), timeZone, { year: 'numeric' });
  return year(new Date(iso)) === year(new Date(now));
}

/** "Tue 24 Nov, 15:00 GMT+3": a deadline, with the zone so nobody guesses. */
export function formatDeadline(iso: string, timeZone: string, now: number = Date.now()): string {
  return parts(iso, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear(iso, now, timeZone) ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
}

/** "15:04" today, "24 Nov, 15:04" this year, "24 Nov 2025, 15:04" before. */
export function formatMessageTime(iso: string, timeZone: string, now: number = Date.now()): string {
  const day = (time: number | string) => parts(new Date(time).toISOString(), timeZone, { dateStyle: 'short' });
  const time = parts(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (day(iso) === day(now)) return time;
  const date = parts(iso, timeZone, {
    day: 'numeric',
    month: 'short',
    ...(sameYear(iso, now, timeZone) ? {} : { year: 'numeric' }),
  });
  return `${date}, ${time}`;
}

/** The full date and time, for a tooltip. */
export function formatFullTime(iso: string, timeZone: string): string {
  return parts(iso, timeZone, { dateStyle: 'full', timeStyle: 'short' });
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}
