import { useSyncExternalStore } from 'react';
import { getResolvedTheme, getThemePreference, subscribeTheme } from '../utils/theme-store';

export function useThemePreference() {
  return useSyncExternalStore(subscribeTheme, getThemePreference);
}

export function useResolvedTheme() {
  return useSyncExternalStore(subscribeTheme, getResolvedTheme);
}
