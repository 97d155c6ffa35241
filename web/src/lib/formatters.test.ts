import { beforeAll, describe, expect, it } from 'vitest';
import { createFormatters } from './formatters';
import { initI18n } from './i18n';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const rub = (amount_minor: number) => ({ amount_minor, currency: 'RUB' });
const en = () => createFormatters({ language: 'en', timeZone: 'Europe/Moscow' });
const ru = () => createFormatters({ language: 'ru', timeZone: 'Europe/Moscow' });

beforeAll(async () => {
  await initI18n('en');
  await initI18n('ru'); // loads the Russian catalog
});

describe('money', () => {
  it('formats kopecks exactly, with the spaces Intl uses in Russian', () => {
    expect(en().money(rub(10000))).toBe('₽100.00');
    expect(en().money(rub(123456789))).toBe('₽1,234,567.89');
    expect(en().money(rub(5))).toBe('₽0.05');
    expect(en().money(rub(0))).toBe('₽0.00');
    expect(ru().money(rub(10000))).toBe(`100,00${NBSP}₽`);
    expect(ru().money(rub(123450))).toBe(`1${NBSP}234,50${NBSP}₽`);
    expect(ru().money(rub(123456789))).toBe(`1${NBSP}234${NBSP}567,89${NBSP}₽`);
  });

  it('shows charges with a minus sign', () => {
    expect(en().money(rub(-250))).toBe('−₽2.50');
    expect(ru().money(rub(-250))).toBe(`−2,50${NBSP}₽`);
  });

  it('does not lose kopecks on amounts floats cannot hold exactly', () => {
    expect(en().money(rub(29))).toBe('₽0.29');
    expect(en().money(rub(100000000001))).toBe('₽1,000,000,000.01');
  });

  it('falls back to the code for an unknown currency', () => {
    expect(en().money({ amount_minor: 150, currency: 'nope' })).toBe('1.50 nope');
  });
});

describe('words', () => {
  it('uses English plurals and grouping', () => {
    expect(en().words(0)).toBe('0 words');
    expect(en().words(1)).toBe('1 word');
    expect(en().words(1234)).toBe('1,234 words');
  });

  it('uses every Russian plural form, fractional counts included', () => {
    expect(ru().words(0)).toBe('0 слов');
    expect(ru().words(1)).toBe('1 слово');
    expect(ru().words(21)).toBe('21 слово');
    expect(ru().words(3)).toBe('3 слова');
    expect(ru().words(5)).toBe('5 слов');
    expect(ru().words(11)).toBe('11 слов');
    expect(ru().words(1.5)).toBe('1,5 слова');
    expect(ru().words(12345)).toBe(`12${NBSP}345 слов`);
  });
});

describe('dates and times', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('shows a message time with the date only when it is not today', () => {
    expect(en().dateTime('2026-11-24T12:04:00Z', now)).toBe('15:04');
    expect(en().dateTime('2026-11-20T12:04:00Z', now)).toBe('20 Nov, 15:04');
    expect(en().dateTime('2025-11-20T12:04:00Z', now)).toBe('20 Nov 2025, 15:04');
    expect(ru().dateTime('2026-11-20T12:04:00Z', now)).toBe('20 нояб., 15:04');
    expect(ru().dateTime('2025-11-20T12:04:00Z', now)).toBe('20 нояб. 2025 г., 15:04');
  });

  it('uses the time zone it is given, and the browser zone for an unknown one', () => {
    const tokyo = createFormatters({ language: 'en', timeZone: 'Asia/Tokyo' });
    expect(tokyo.time('2026-11-24T12:04:00Z')).toBe('21:04');
    const unknown = createFormatters({ language: 'en', timeZone: 'Mars/Olympus' });
    expect(unknown.time('2026-11-24T12:04:00Z')).toMatch(/^\d\d:04$/);
  });

  it('shows a deadline with its zone, and the year when it is not this one', () => {
    expect(en().deadline('2026-11-24T12:00:00Z', now)).toBe('Tue 24 Nov, 15:00 GMT+3');
    const ny = createFormatters({ language: 'en', timeZone: 'America/New_York' });
    expect(ny.deadline('2026-11-24T12:00:00Z', now)).toBe('Tue 24 Nov, 07:00 GMT-5');
    const utc = createFormatters({ language: 'en', timeZone: 'UTC' });
    expect(utc.deadline('2027-01-05T12:00:00Z', now)).toBe('Tue, 5 Jan 2027, 12:00 UTC');
    expect(ru().deadline('2026-11-24T12:00:00Z', now)).toBe('вт, 24 нояб., 15:00 GMT+3');
  });

  it('says relative times in both languages', () => {
    const minutes = (n: number) => new Date(now - n * 60_000).toISOString();
    expect(en().relative(minutes(0), now)).toBe('just now');
    expect(en().relative(minutes(5), now)).toBe('5 minutes ago');
    expect(en().relative(minutes(180), now)).toBe('3 hours ago');
    expect(en().relative(minutes(24 * 60), now)).toBe('yesterday');
    expect(en().relative(minutes(21 * 24 * 60), now)).toBe('3 weeks ago');
    expect(ru().relative(minutes(0), now)).toBe('только что');
    expect(ru().relative(minutes(5), now)).toBe('5 минут назад');
    expect(ru().relative(minutes(21), now)).toBe('21 минуту назад');
    expect(ru().relative(minutes(24 * 60), now)).toBe('вчера');
  });
});

describe('numbers and sizes', () => {
  it('groups numbers the way each language does', () => {
    expect(en().number(1234.5)).toBe('1,234.5');
    expect(ru().number(1234.5)).toBe(`1${NBSP}234,5`);
  });

  it('formats file sizes', () => {
    expect(en().size(512)).toBe('512 B');
    expect(en().size(14 * 1024)).toBe('14 KB');
    expect(en().size(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(ru().size(3.4 * 1024 * 1024)).toBe('3,4 МБ');
  });

  it('never shows the narrow no-break space as a plain space', () => {
    expect(ru().money(rub(100000))).not.toContain(' ');
    expect(ru().money(rub(100000))).not.toContain(NNBSP);
  });
});
