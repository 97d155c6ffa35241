// The account balance arrives from other work (AI employees and billing);
// it is read defensively: integer minor units plus a currency code.

function minorUnits(value: Record<string, unknown>): number | null {
  for (const key of ['amount', 'amount_minor', 'balance', 'minor']) {
    const candidate = value[key];
    if (typeof candidate === 'number' && Number.isInteger(candidate)) return candidate;
  }
  return null;
}

/** "1,234.50 RUB", or null when there is no balance or it cannot be read. */
export function balanceLabel(balance: unknown): string | null {
  if (typeof balance !== 'object' || balance === null) return null;
  const record = balance as Record<string, unknown>;
  const amount = minorUnits(record);
  const currency = typeof record.currency === 'string' ? record.currency : null;
  if (amount === null || currency === null) return null;
  const major = (amount / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${major} ${currency}`;
}
