import { beforeEach, describe, expect, it } from 'vitest';
import { installMatchMedia } from '@/testing/match-media';
import { resolveTheme } from './resolve-theme';
import { THEME_STORAGE_KEY } from './theme-storage';
import { getThemePreference, initTheme, resetThemeForTests, setThemePreference } from './theme-store';

const shownTheme = () => document.documentElement.dataset.theme;

describe('resolveTheme', () => {
  it('follows the system only for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('theme store', () => {
  beforeEach(() => resetThemeForTests());

  it('starts from the theme remembered on this device', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    initTheme();
    expect(getThemePreference()).toBe('dark');
    expect(shownTheme()).toBe('dark');
  });

  it('ignores a corrupted stored value and uses the system theme', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    installMatchMedia(true);
    initTheme();
    expect(getThemePreference()).toBe('system');
    expect(shownTheme()).toBe('dark');
  });

  it('with "system", switches live when the OS switches', () => {
    const media = installMatchMedia(false);
    initTheme();
    setThemePreference('system');
    expect(shownTheme()).toBe('light');
    media.setPrefersDark(true);
    expect(shownTheme()).toBe('dark');
    media.setPrefersDark(false);
    expect(shownTheme()).toBe('light');
  });

  it('with an explicit theme, ignores the OS and remembers the choice', () => {
    const media = installMatchMedia(false);
    initTheme();
    setThemePreference('dark');
    media.setPrefersDark(false);
    expect(shownTheme()).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
