// Pure helpers of the admin screens: durations, shares, date ranges, CSV links.
import { API_BASE } from '@/config/api';
import { intlLocale } from '@/lib/formatters';
import { currentLanguage, i18n } from '@/lib/i18n';
import type { ReportGroup } from '../api/admin-api';

const t = () => i18n.getFixedT(null, 'admin');

/** "—" for none, else the two largest units: "45 s", "12 min", "3 h 5 min", "2 d 4 h" ("3 ч 5 мин"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return t()('duration.none');
  if (seconds < 60) return t()('duration.seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t()('duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 ? t()('duration.hoursMinutes', { hours, minutes: minutes % 60 }) : t()('duration.hours', { hours });
  }
  const days = Math.floor(hours / 24);
  return hours % 24 ? t()('duration.daysHours', { days, hours: hours % 24 }) : t()('duration.days', { days });
}

/** 0.6667 → "67%" ("67 %"); null → "—". */
export function formatShare(share: number | null): string {
  if (share === null) return t()('duration.none');
  return new Intl.NumberFormat(intlLocale(currentLanguage()), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** YYYY-MM-DD of a date in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD of `now` on the calendar of `timeZone` (an IANA name); UTC when it is unknown. */
export function dateIn(now: Date, timeZone: string): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return isoDate(now);
  }
}

/** The last `days` days up to `today` (YYYY-MM-DD), inclusive. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000);
  return { from: isoDate(from), to: today };
}

/** Why a range cannot be asked for, or null: the server's rules, told before asking. */
export function rangeProblem(from: string, to: string): string | null {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  if (!pattern.test(from) || !pattern.test(to)) return t()('reports.chooseBoth');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (Number.isNaN(days)) return t()('reports.realDates');
  if (days < 1) return t()('reports.endBeforeStart');
  if (days > 366) return t()('reports.tooLong', { days: 366 });
  return null;
}

export function reportCsvUrl(from: string, to: string, group: ReportGroup): string {
  return `${API_BASE}/support/reports.csv?${new URLSearchParams({ from, to, group_by: group }).toString()}`;
}

/** ISO weekdays 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "Monday" / "Понедельник": a weekday's name in the interface language. */
export function weekdayName(isoWeekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, isoWeekday, 12));
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Problems of the hours form per weekday (1..7): both times HH:MM, start before end. */
export function hoursProblem(start: string, end: string): string | null {
  const pattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
  if (!pattern.test(start) || !pattern.test(end)) return t()('sla.useHhMm');
  return start < end ? null : t()('sla.startBeforeEnd');
}

export interface ChartScale {
  /** Shown in the series names, e.g. "First response (min)". */
  unit: 's' | 'min' | 'h' | 'd';
  seconds: number;
}

/**
 * The unit that keeps the longest bar readable: replies in seconds on a chart in
 * hours would draw no bars at all.
 */
export function chartScale(maxSeconds: number): ChartScale {
  if (maxSeconds < 120) return { unit: 's', seconds: 1 };
  if (maxSeconds < 2 * 3600) return { unit: 'min', seconds: 60 };
  if (maxSeconds < 2 * 86_400) return { unit: 'h', seconds: 3600 };
  return { unit: 'd', seconds: 86_400 };
}
