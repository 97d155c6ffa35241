import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare, hoursProblem, lastDays, rangeProblem, reportCsvUrl } from './report-format';

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
    expect(lastDays(new Date('2026-03-31T12:00:00Z'), 30)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
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
