import { useId } from 'react';
import type { RequestType } from '../api/ticket-schemas';
import { REQUEST_TYPES, responseTimeLabel } from '../utils/labels';
import styles from './new-ticket-form.module.css';

export interface RequestTypeFieldProps {
  value: RequestType | '';
  onChange: (next: RequestType) => void;
  error?: string | undefined;
}

/** The three request types, each with the reply time the team promises. */
export function RequestTypeField({ value, onChange, error }: RequestTypeFieldProps) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.legend}>Request type</legend>
      <div className={styles.types}>
        {REQUEST_TYPES.map((type) => (
          <label key={type.value} className={styles.type}>
            <input
              type="radio"
              name={name}
              value={type.value}
              checked={value === type.value}
              onChange={() => onChange(type.value)}
              className={styles.typeInput}
            />
            <span className={styles.typeText}>
              <span className={styles.typeLabel}>{type.label}</span>
              <span className={styles.typeExamples}>{type.examples}</span>
            </span>
            <span className={styles.typeTime}>{responseTimeLabel(type.value)}</span>
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
