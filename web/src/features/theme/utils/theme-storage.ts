import { isThemePreference, type ThemePreference } from './resolve-theme';

/** Remembers the last theme on this device so the sign-in page can use it. */
export const THEME_STORAGE_KEY = 'textura.theme';

export function readStoredTheme(): ThemePreference {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemePreference(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

export function storeTheme(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage can be unavailable (private mode, quota); the theme still applies.
  }
}
