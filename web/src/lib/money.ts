// Money and word counts as people read them. Money is integer minor units
// (kopecks) plus a currency code on the wire, never a float; it is formatted
// from the integer so no rounding happens on the way to the screen.
import { z } from 'zod';

export const moneySchema = z.object({ amount_minor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof moneySchema>;

export type NumberLocale = 'en' | 'ru';

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "₽1,234.50" in English, "1 234,50 ₽" in Russian; negative amounts get a minus sign. */
export function formatMoney(money: Money, locale: NumberLocale = 'en'): string {
  const digits = fractionDigits(money.currency);
  const scale = 10 ** digits;
  const negative = money.amount_minor < 0;
  const absolute = Math.abs(money.amount_minor);
  const whole = Math.floor(absolute / scale);
  const fraction = absolute % scale;
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
    return `${negative ? '-' : ''}${whole}.${String(fraction).padStart(digits, '0')} ${money.currency}`;
  }
  // Format a template number, then put the exact integer parts in its place.
  const parts = format.formatToParts(negative ? -1 : 1);
  const integer = new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 }).format(whole);
  return parts
    .map((part) => {
      if (part.type === 'integer') return integer;
      if (part.type === 'fraction') return String(fraction).padStart(digits, '0');
      if (part.type === 'minusSign') return '−';
      return part.value;
    })
    .join('')
    .replace(/\u00a0|\u202f/g, ' ');
}

const WORD_FORMS: Record<NumberLocale, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  en: { one: 'word', other: 'words' },
  ru: { one: 'слово', few: 'слова', many: 'слов', other: 'слова' },
};

/** "1 word", "1,234 words"; "21 слово", "3 слова", "5 слов". */
export function formatWords(count: number, locale: NumberLocale = 'en'): string {
  const rule = new Intl.PluralRules(locale).select(count);
  const forms = WORD_FORMS[locale];
  const number = new Intl.NumberFormat(locale).format(count).replace(/\u00a0|\u202f/g, ' ');
  return `${number} ${forms[rule] ?? forms.other}`;
}

/** The price of 1,000 words: "₽50.00 per 1,000 words". */
export function formatPricePer1000(price: Money, locale: NumberLocale = 'en'): string {
  return locale === 'ru'
    ? `${formatMoney(price, locale)} за 1 000 слов`
    : `${formatMoney(price, locale)} per 1,000 words`;
}
