import { useId } from 'react';
import { THEME_PREFERENCES, type ThemePreference } from '../utils/resolve-theme';
import { useTranslation } from '@/lib/i18n';
import styles from './theme-control.module.css';

const LABELS = { light: 'theme.light', dark: 'theme.dark', system: 'theme.system' } as const satisfies Record<
  ThemePreference,
  string
>;

export interface ThemeControlProps {
  value: ThemePreference;
  onChange: (next: ThemePreference) => void;
  disabled?: boolean;
}

/** Light / Dark / System as a segmented radio group. */
export function ThemeControl({ value, onChange, disabled = false }: ThemeControlProps) {
  const { t } = useTranslation('settings');
  const name = useId();
  return (
    <fieldset className={styles.group} disabled={disabled}>
      <legend className={styles.legend}>{t('theme.legend')}</legend>
      <div className={styles.options}>
        {THEME_PREFERENCES.map((option) => (
          <label key={option} className={styles.option}>
            <input
              type="radio"
              className={styles.input}
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span className={styles.text}>{t(LABELS[option])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
