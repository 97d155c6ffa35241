// The current theme preference, applied to <html data-theme> and kept in step
// with the operating system while the preference is "system".
import { DARK_SCHEME_QUERY, resolveTheme, type ResolvedTheme, type ThemePreference } from './resolve-theme';
import { readStoredTheme, storeTheme } from './theme-storage';

type Listener = () => void;

let preference: ThemePreference = 'system';
let media: MediaQueryList | null = null;
const listeners = new Set<Listener>();

function systemPrefersDark(): boolean {
  return media?.matches ?? false;
}

function apply(): void {
  const resolved = resolveTheme(preference, systemPrefersDark());
  document.documentElement.dataset.theme = resolved;
  document.documentElement.dataset.themePreference = preference;
}

function notify(): void {
  apply();
  for (const listener of listeners) listener();
}

/** Reads the stored preference, applies it and starts following the OS. Idempotent. */
export function initTheme(): void {
  if (!media && typeof window.matchMedia === 'function') {
    media = window.matchMedia(DARK_SCHEME_QUERY);
    media.addEventListener('change', notify);
  }
  preference = readStoredTheme();
  apply();
}

export function getThemePreference(): ThemePreference {
  return preference;
}

export function getResolvedTheme(): ResolvedTheme {
  return resolveTheme(preference, systemPrefersDark());
}

export function setThemePreference(next: ThemePreference): void {
  storeTheme(next);
  if (next === preference) return;
  preference = next;
  notify();
}

export function subscribeTheme(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget the media query so `initTheme` sets it up again. */
export function resetThemeForTests(): void {
  media?.removeEventListener('change', notify);
  media = null;
  preference = 'system';
  listeners.clear();
}
