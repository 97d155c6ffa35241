import { useEffect } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import { setThemePreference } from '@/features/theme/utils/theme-store';

/** The signed-in user's saved theme wins over the one remembered on this device. */
export function ThemeSync() {
  const theme = useMe().data?.user.theme;
  useEffect(() => {
    if (theme) setThemePreference(theme);
  }, [theme]);
  return null;
}
