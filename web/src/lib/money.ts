// Money on the wire: integer minor units (kopecks) plus a currency code, never a
// float. People read it through `useFormatters().money` (lib/formatters.ts).
import { z } from 'zod';
import { createFormatters } from './formatters';
import { i18n, type Language } from './i18n';

export const moneySchema = z.object({ amount_minor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof moneySchema>;

// Shorthands kept while the screens move to `useFormatters()`.

export type NumberLocale = Language;

/** @deprecated use `useFormatters().money` */
export function formatMoney(money: Money, locale: Language = 'en'): string {
  return createFormatters({ language: locale }).money(money);
}

/** @deprecated use `useFormatters().words` */
export function formatWords(count: number, locale: Language = 'en'): string {
  return createFormatters({ language: locale }).words(count);
}

/** @deprecated use `t('common:money.per1000Words', …)` */
export function formatPricePer1000(price: Money, locale: Language = 'en'): string {
  return i18n.t('money.per1000Words', { lng: locale, price: formatMoney(price, locale) });
}
