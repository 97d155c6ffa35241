import { useId } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, toLanguage, useTranslation, type Language } from '@/lib/i18n';
import styles from './language-select.module.css';

export interface LanguageSelectProps {
  /** Called with the chosen language; the caller switches and saves it. */
  onChange: (language: Language) => void;
  disabled?: boolean;
  /** Show the "Language" label (otherwise it is only the control's accessible name). */
  showLabel?: boolean;
}

/** The interface language picker: each language listed in its own name. */
export function LanguageSelect({ onChange, disabled = false, showLabel = true }: LanguageSelectProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={showLabel ? styles.label : 'visually-hidden'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(toLanguage(event.target.value))}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
