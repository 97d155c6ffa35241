import { useUpdateMe } from '@/features/auth/api/update-me';
import { ThemeControl } from '@/features/theme/components/theme-control';
import { useThemePreference } from '@/features/theme/hooks/use-theme';
import type { ThemePreference } from '@/features/theme/utils/resolve-theme';
import { setThemePreference } from '@/features/theme/utils/theme-store';
import { useTranslation } from '@/lib/i18n';
import styles from './settings.module.css';

/** The theme applies at once and is saved to the user's profile. */
export function ThemeSettings() {
  const { t } = useTranslation('settings');
  const preference = useThemePreference();
  const update = useUpdateMe();

  const onChange = (next: ThemePreference) => {
    const previous = preference;
    setThemePreference(next);
    update.mutate({ theme: next }, { onError: () => setThemePreference(previous) });
  };

  let status = '';
  if (update.isPending) status = t('saving');
  else if (update.isSuccess) status = t('saved');

  return (
    <div className={styles.themeRow}>
      <ThemeControl value={preference} onChange={onChange} />
      <p className={styles.status} role="status">
        {status}
      </p>
      {update.isError ? (
        <p role="alert" className={styles.error}>
          {t('theme.error', { message: update.error.message })}
        </p>
      ) : null}
    </div>
  );
}
