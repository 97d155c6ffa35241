import { describe, expect, it } from 'vitest';
import { formatMoney, formatPricePer1000, formatWords } from './money';

const rub = (amount_minor: number) => ({ amount_minor, currency: 'RUB' });

describe('formatMoney', () => {
  it('formats kopecks exactly, in English and Russian', () => {
    expect(formatMoney(rub(10000), 'en')).toBe('₽100.00');
    expect(formatMoney(rub(123456789), 'en')).toBe('₽1,234,567.89');
    expect(formatMoney(rub(5), 'en')).toBe('₽0.05');
    expect(formatMoney(rub(0), 'en')).toBe('₽0.00');
    expect(formatMoney(rub(10000), 'ru')).toBe('100,00 ₽');
    expect(formatMoney(rub(123456789), 'ru')).toBe('1 234 567,89 ₽');
  });

  it('shows charges with a minus sign', () => {
    expect(formatMoney(rub(-250), 'en')).toBe('−₽2.50');
    expect(formatMoney(rub(-250), 'ru')).toBe('−2,50 ₽');
  });

  it('does not lose kopecks on amounts floats cannot hold exactly', () => {
    expect(formatMoney(rub(29), 'en')).toBe('₽0.29');
    expect(formatMoney(rub(100000000001), 'en')).toBe('₽1,000,000,000.01');
  });

  it('falls back to the code for an unknown currency', () => {
    expect(formatMoney({ amount_minor: 150, currency: 'nope' })).toBe('1.50 nope');
  });
});

describe('formatWords', () => {
  it('uses English plurals and grouping', () => {
    expect(formatWords(0, 'en')).toBe('0 words');
    expect(formatWords(1, 'en')).toBe('1 word');
    expect(formatWords(1234, 'en')).toBe('1,234 words');
  });

  it('uses the three Russian plural forms', () => {
    expect(formatWords(1, 'ru')).toBe('1 слово');
    expect(formatWords(21, 'ru')).toBe('21 слово');
    expect(formatWords(3, 'ru')).toBe('3 слова');
    expect(formatWords(5, 'ru')).toBe('5 слов');
    expect(formatWords(11, 'ru')).toBe('11 слов');
    expect(formatWords(12345, 'ru')).toBe('12 345 слов');
  });

  it('says the price per 1,000 words', () => {
    expect(formatPricePer1000(rub(5000), 'en')).toBe('₽50.00 per 1,000 words');
    expect(formatPricePer1000(rub(5000), 'ru')).toBe('50,00 ₽ за 1 000 слов');
  });
});
