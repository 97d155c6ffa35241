import { describe, expect, it } from 'vitest';
import { formatDeadline, formatMessageTime, formatRelative } from './format-time';

const NOW = Date.parse('2026-11-24T09:00:00Z');

describe('times in the user’s time zone', () => {
  it('shows the reply deadline in the zone of the profile', () => {
    expect(formatDeadline('2026-11-24T12:00:00Z', 'Europe/Moscow', NOW)).toBe('Tue 24 Nov, 15:00 GMT+3');
    expect(formatDeadline('2026-11-24T12:00:00Z', 'America/New_York', NOW)).toBe('Tue 24 Nov, 07:00 GMT-5');
    expect(formatDeadline('2027-01-05T12:00:00Z', 'UTC', NOW)).toBe('Tue, 5 Jan 2027, 12:00 UTC');
  });

  it('falls back to the device zone for an unknown zone instead of failing', () => {
    expect(() => formatDeadline('2026-11-24T12:00:00Z', 'Mars/Olympus', NOW)).not.toThrow();
  });

  it('shows only the time for today’s messages', () => {
    expect(formatMessageTime('2026-11-24T08:15:00Z', 'Europe/Moscow', NOW)).toBe('11:15');
    expect(formatMessageTime('2026-11-20T08:15:00Z', 'Europe/Moscow', NOW)).toBe('20 Nov, 11:15');
    expect(formatMessageTime('2025-11-20T08:15:00Z', 'Europe/Moscow', NOW)).toBe('20 Nov 2025, 11:15');
  });

  it('says how long ago the last activity was', () => {
    expect(formatRelative('2026-11-24T08:59:30Z', NOW)).toBe('just now');
    expect(formatRelative('2026-11-24T08:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-24T06:00:00Z', NOW)).toBe('3 hours ago');
    expect(formatRelative('2026-11-23T09:00:00Z', NOW)).toBe('yesterday');
    expect(formatRelative('2026-11-03T09:00:00Z', NOW)).toBe('3 weeks ago');
  });
});
