import { LanguageSelect } from '@/components/ui/language-select';
import { useUpdateMe } from '@/features/auth/api/update-me';
import { currentLanguage, setLanguage, useTranslation, type Language } from '@/lib/i18n';
import styles from './settings.module.css';

/** The interface language applies at once and is saved to the user's profile. */
export function LanguageSettings() {
  const { t } = useTranslation('settings');
  const update = useUpdateMe();

  const onChange = (next: Language) => {
    const previous = currentLanguage();
    void setLanguage(next);
    update.mutate({ locale: next }, { onError: () => void setLanguage(previous) });
  };

  let status = '';
  if (update.isPending) status = t('saving');
  else if (update.isSuccess) status = t('saved');

  return (
    <div className={styles.themeRow}>
      <LanguageSelect onChange={onChange} disabled={update.isPending} />
      <p className={styles.status} role="status">
        {status}
      </p>
      {update.isError ? (
        <p role="alert" className={styles.error}>
          {t('languageError', { message: update.error.message })}
        </p>
      ) : null}
    </div>
  );
}
