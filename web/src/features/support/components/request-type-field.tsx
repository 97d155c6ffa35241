import { useId } from 'react';
import type { RequestType } from '../api/ticket-schemas';
import { useTranslation } from '@/lib/i18n';
import { REQUEST_TYPES } from '../utils/labels';
import styles from './new-ticket-form.module.css';

export interface RequestTypeFieldProps {
  value: RequestType | '';
  onChange: (next: RequestType) => void;
  error?: string | undefined;
}

/** The three request types, each with the reply time the team promises. */
export function RequestTypeField({ value, onChange, error }: RequestTypeFieldProps) {
  const { t } = useTranslation(['support', 'tickets']);
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.legend}>{t('new.type')}</legend>
      <div className={styles.types}>
        {REQUEST_TYPES.map((type) => (
          <label key={type} className={styles.type}>
            <input
              type="radio"
              name={name}
              value={type}
              checked={value === type}
              onChange={() => onChange(type)}
              className={styles.typeInput}
            />
            <span className={styles.typeText}>
              <span className={styles.typeLabel}>{t(`tickets:type.${type}.label`)}</span>
              <span className={styles.typeExamples}>{t(`tickets:type.${type}.examples`)}</span>
            </span>
            <span className={styles.typeTime}>{t(`tickets:type.${type}.reply`)}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
