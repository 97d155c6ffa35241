// Dates, times, relative times, numbers, money and sizes as people read them:
// in the interface language and the user's own time zone (from their profile),
// always through `Intl` (so Russian gets "1 234,50 ₽" with Intl's non-breaking
// spaces, "24 нояб., 15:04", "5 минут назад"). Components take them from
// `useFormatters()`; code outside React calls `createFormatters(...)`.
import { useMemo, useSyncExternalStore } from 'react';
import { i18n, toLanguage, useTranslation, type Language } from './i18n';
import type { Money } from './money';

/** The `Intl` locale of each interface language (English dates read "24 Nov 2026"). */
const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

// ---- the display time zone (the signed-in user's; the browser's before sign-in)

let displayTimeZone: string | undefined;
const zoneListeners = new Set<() => void>();

/** A valid IANA zone name, or undefined (the browser's zone) for an unknown one. */
export function safeTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function setDisplayTimeZone(timeZone: string | undefined): void {
  const next = safeTimeZone(timeZone);
  if (next === displayTimeZone) return;
  displayTimeZone = next;
  for (const listener of zoneListeners) listener();
}

function subscribeTimeZone(listener: () => void): () => void {
  zoneListeners.add(listener);
  return () => zoneListeners.delete(listener);
}

function getDisplayTimeZone(): string | undefined {
  return displayTimeZone;
}

// ---- the formatters

export interface FormatOptions {
  language: Language;
  /** IANA zone; an unknown or missing one means the browser's. */
  timeZone?: string | undefined;
}

type Instant = string | number | Date;

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function createFormatters({ language, timeZone }: FormatOptions) {
  const locale = intlLocale(language);
  const zone = safeTimeZone(timeZone);
  const t = i18n.getFixedT(language, 'common');

  const dateFormat = (value: Instant, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(value));
  const dayKey = (value: Instant) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: zone }).format(new Date(value));
  const yearOf = (value: Instant) =>
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: zone }).format(new Date(value));
  const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

  const formatters = {
    language,
    locale,
    timeZone: zone,

    /** "1,234.5" / "1 234,5". */
    number(value: number, options?: Intl.NumberFormatOptions): string {
      return new Intl.NumberFormat(locale, options).format(value);
    },

    /** "42%" / "42 %" from a fraction (0.42). */
    percent(fraction: number, maximumFractionDigits = 0): string {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(fraction);
    },

    /**
     * "₽1,234.50" / "1 234,50 ₽". Formatted from the integer minor units, so
     * no float rounding happens on the way to the screen.
     */
    money(money: Money): string {
      const digits = fractionDigits(money.currency);
      const scale = 10 ** digits;
      const negative = money.amount_minor < 0;
      const absolute = Math.abs(money.amount_minor);
      const whole = Math.floor(absolute / scale);
      const fraction = String(absolute % scale).padStart(digits, '0');
      let format: Intl.NumberFormat;
      try {
        format = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: money.currency,
          currencyDisplay: 'narrowSymbol',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
      } catch {
        return `${negative ? '−' : ''}${whole}.${fraction} ${money.currency}`;
      }
      // Format a template number, then put the exact integer parts in its place.
      const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
      return format
        .formatToParts(negative ? -1 : 1)
        .map((part) => {
          if (part.type === 'integer') return integer;
          if (part.type === 'fraction') return fraction;
          if (part.type === 'minusSign') return '−';
          return part.value;
        })
        .join('');
    },

    /** "1 word", "1,234 words"; "21 слово", "3 слова", "5 слов", "1,5 слова". */
    words(count: number): string {
      return t('count.words', { count });
    },

    /** A file size: "512 B", "14 KB", "3.4 MB" / "3,4 МБ". */
    size(bytes: number): string {
      if (bytes < 1024) return t('size.bytes', { value: bytes });
      if (bytes < 1024 * 1024) return t('size.kilobytes', { value: Math.round(bytes / 1024) });
      const megabytes = bytes / (1024 * 1024);
      return t('size.megabytes', { value: megabytes < 10 ? Math.round(megabytes * 10) / 10 : Math.round(megabytes) });
    },

    /** "15:04". */
    time(value: Instant): string {
      return dateFormat(value, clock);
    },

    /** "24 Nov 2026" / "24 нояб. 2026 г.": a day, e.g. when an account was created. */
    date(value: Instant): string {
      return dateFormat(value, { day: 'numeric', month: 'short', year: 'numeric' });
    },

    /** "Tuesday, 24 November 2026 at 15:04": the whole moment, for a tooltip. */
    fullDateTime(value: Instant): string {
      return dateFormat(value, { dateStyle: 'full', timeStyle: 'short' });
    },

    /**
     * A message's time: "15:04" today, "24 Nov, 15:04" this year,
     * "24 Nov 2025, 15:04" before.
     */
    dateTime(value: Instant, now: number = Date.now()): string {
      if (dayKey(value) === dayKey(now)) return dateFormat(value, clock);
      const year = yearOf(value) === yearOf(now) ? {} : ({ year: 'numeric' } as const);
      return dateFormat(value, { day: 'numeric', month: 'short', ...year, ...clock });
    },

    /** "Tue 24 Nov, 15:00 GMT+3": a deadline, with the zone so nobody guesses. */
    deadline(value: Instant, now: number = Date.now()): string {
      const year = yearOf(value) === yearOf(now) ? {} : ({ year: 'numeric' } as const);
      return dateFormat(value, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        ...year,
        ...clock,
        timeZoneName: 'short',
      });
    },

    /** "just now", "5 minutes ago", "yesterday", "in 3 hours" / "5 минут назад", "вчера". */
    relative(value: Instant, now: number = Date.now()): string {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (const [unit, size] of RELATIVE_UNITS) {
        if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
      }
      return t('time.justNow');
    },
  };
  return formatters;
}

export type Formatters = ReturnType<typeof createFormatters>;

/**
 * The formatters for the current interface language and the display time
 * zone; components re-render when either changes.
 */
export function useFormatters(): Formatters {
  // useTranslation re-renders the component when the language changes.
  const { i18n: instance } = useTranslation();
  const timeZone = useSyncExternalStore(subscribeTimeZone, getDisplayTimeZone, getDisplayTimeZone);
  const language = toLanguage(instance.resolvedLanguage ?? instance.language);
  return useMemo(() => createFormatters({ language, timeZone }), [language, timeZone]);
}
