import { describe, expect, it } from 'vitest';
import { parseRoubles, presetPeriod, validPeriod } from './period';

describe('Finance periods', () => {
  it('cuts presets from the local today', () => {
    expect(presetPeriod('this_month', '2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    expect(presetPeriod('last_month', '2026-03-17')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last_month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last_7', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetPeriod('last_30', '2026-03-30')).toEqual({ from: '2026-03-01', to: '2026-03-30' });
  });

  it('accepts what the server accepts', () => {
    expect(validPeriod('2026-03-01', '2026-03-01')).toBe(true);
    expect(validPeriod('2026-03-02', '2026-03-01')).toBe(false);
    expect(validPeriod('2025-01-01', '2025-12-31')).toBe(true);
    expect(validPeriod('2024-01-01', '2025-01-01')).toBe(false);
    expect(validPeriod('', '2026-03-01')).toBe(false);
  });

  it('reads roubles as people type them', () => {
    expect(parseRoubles('2')).toBe(200);
    expect(parseRoubles('1 234,5')).toBe(123450);
    expect(parseRoubles('0.01')).toBe(1);
    expect(parseRoubles('-5')).toBeNull();
    expect(parseRoubles('1.234')).toBeNull();
    expect(parseRoubles('ten')).toBeNull();
  });
});
