import { useId } from 'react';
import { THEME_PREFERENCES, type ThemePreference } from '../utils/resolve-theme';
import styles from './theme-control.module.css';

const LABELS: Record<ThemePreference, string> = { light: 'Light', dark: 'Dark', system: 'System' };

export interface ThemeControlProps {
  value: ThemePreference;
  onChange: (next: ThemePreference) => void;
  disabled?: boolean;
}

/** Light / Dark / System as a segmented radio group. */
export function ThemeControl({ value, onChange, disabled = false }: ThemeControlProps) {
  const name = useId();
  return (
    <fieldset className={styles.group} disabled={disabled}>
      <legend className={styles.legend}>Theme</legend>
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
            <span className={styles.text}>{LABELS[option]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
