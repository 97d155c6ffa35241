// What a person types as an amount of money, read into integer minor units without
// going through a float ("1 234,50" → 123450).

/** The server's cap on one top-up, in kopecks (10,000,000 RUB). */
export const MAX_TOP_UP_MINOR = 1_000_000_000;

/** Kopecks from "1500", "1500.5", "1 500,50"; null unless 0.01 … 10,000,000 with at most 2 decimals. */
export function parseAmountMinor(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const minor = whole * 100 + fraction;
  if (minor < 1 || minor > MAX_TOP_UP_MINOR) return null;
  return minor;
}
