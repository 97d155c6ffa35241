import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import {
  chartScale,
  dateIn,
  formatDuration,
  formatShare,
  hoursProblem,
  lastDays,
  rangeProblem,
  reportCsvUrl,
  weekdayName,
} from './report-format';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(720)).toBe('12 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(3 * 3600 + 5 * 60 + 9)).toBe('3 h 5 min');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
    expect(formatDuration(86400)).toBe('1 d');
  });
});

describe('formatShare', () => {
  it('rounds to whole percent', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('ranges', () => {
  it('takes the last days inclusive', () => {
    expect(lastDays('2026-03-31', 30)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(lastDays('2026-03-01', 2)).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });
  it('counts today on the business calendar, not in UTC', () => {
    // 22:30 UTC is already the next day in Moscow (UTC+3): a ticket created then belongs to it.
    const lateEvening = new Date('2026-11-23T22:30:00Z');
    expect(dateIn(lateEvening, 'Europe/Moscow')).toBe('2026-11-24');
    expect(dateIn(lateEvening, 'America/New_York')).toBe('2026-11-23');
    expect(dateIn(lateEvening, 'Not/AZone')).toBe('2026-11-23');
  });
  it('explains what the server would refuse', () => {
    expect(rangeProblem('2026-01-01', '2026-01-31')).toBeNull();
    expect(rangeProblem('2025-01-01', '2026-01-01')).toBeNull();
    expect(rangeProblem('2025-01-01', '2026-01-02')).toMatch(/366/);
    expect(rangeProblem('2026-02-01', '2026-01-01')).toMatch(/before/);
    expect(rangeProblem('', '2026-01-01')).toMatch(/both/);
  });
  it('links the CSV with the same parameters', () => {
    expect(reportCsvUrl('2026-01-01', '2026-01-31', 'week')).toBe(
      '/api/v1/support/reports.csv?from=2026-01-01&to=2026-01-31&group_by=week',
    );
  });
});

describe('hoursProblem', () => {
  it('wants HH:MM with start before end', () => {
    expect(hoursProblem('10:00', '19:00')).toBeNull();
    expect(hoursProblem('09:00', '24:00')).toBeNull();
    expect(hoursProblem('19:00', '10:00')).toMatch(/before/);
    expect(hoursProblem('10:00', '10:00')).toMatch(/before/);
    expect(hoursProblem('9:00', '19:00')).toMatch(/HH:MM/);
  });
});

describe('chartScale', () => {
  it('picks the unit from the longest time', () => {
    expect(chartScale(0)).toEqual({ unit: 's', seconds: 1 });
    expect(chartScale(119)).toEqual({ unit: 's', seconds: 1 });
    expect(chartScale(120)).toEqual({ unit: 'min', seconds: 60 });
    expect(chartScale(3 * 3600)).toEqual({ unit: 'h', seconds: 3600 });
    expect(chartScale(5 * 86_400)).toEqual({ unit: 'd', seconds: 86_400 });
  });
});

describe('in Russian', () => {
  it('writes durations, shares, weekdays and range problems in Russian', async () => {
    await setLanguage('ru', { remember: false });
    expect(formatDuration(3 * 3600 + 5 * 60 + 9)).toBe('3 ч 5 мин');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 дн. 4 ч');
    expect(formatShare(2 / 3)).toBe('67\u00a0%');
    expect(weekdayName(1, 'ru-RU')).toBe('Понедельник');
    expect(weekdayName(7, 'en-GB')).toBe('Sunday');
    expect(rangeProblem('2025-01-01', '2026-01-02')).toBe('Отчёт охватывает не больше 366 дней.');
    expect(hoursProblem('19:00', '10:00')).toBe('Начало должно быть раньше конца.');
  });
});
