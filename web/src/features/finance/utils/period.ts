// Periods of the Finance page as local days "YYYY-MM-DD" of the account's time zone.

const DAY_MS = 86_400_000;

function toDays(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export type Preset = 'this_month' | 'last_month' | 'last_7' | 'last_30' | 'custom';

/** The period of a preset, given today's local date. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'this_month':
      return { from: monthStart, to: today };
    case 'last_month': {
      const prevY = m === 1 ? y - 1 : y;
      const prevM = m === 1 ? 12 : m - 1;
      const from = `${prevY}-${String(prevM).padStart(2, '0')}-01`;
      return { from, to: fromDays(toDays(monthStart) - 1) };
    }
    case 'last_7':
      return { from: fromDays(toDays(today) - 6), to: today };
    case 'last_30':
      return { from: fromDays(toDays(today) - 29), to: today };
  }
}

/** Whether the server will accept the period (it answers 400 otherwise). */
export function validPeriod(from: string, to: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(from) || !/^\d{4}-\d\d-\d\d$/.test(to)) return false;
  const span = toDays(to) - toDays(from) + 1;
  return span >= 1 && span <= 366;
}

/** "2 Dec" / "2 дек." for a chart axis. */
export function shortDay(day: string, locale: 'en' | 'ru'): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Roubles typed by a person ("1 234,50", "99.9") as kopecks; null when not an amount. */
export function parseRoubles(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.') as [string, string?];
  const minor = Number(whole) * 100 + Number((fraction ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}
