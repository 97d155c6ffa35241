import { useEffect } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import { setDisplayTimeZone } from '@/lib/formatters';
import { setLanguage } from '@/lib/i18n';

/**
 * The signed-in user's language and time zone (their profile) win over the
 * ones remembered on this device or reported by the browser.
 */
export function LocaleSync() {
  const user = useMe().data?.user;
  const locale = user?.locale;
  const timeZone = user?.time_zone;
  useEffect(() => {
    if (locale) void setLanguage(locale);
  }, [locale]);
  useEffect(() => {
    setDisplayTimeZone(timeZone);
  }, [timeZone]);
  return null;
}
