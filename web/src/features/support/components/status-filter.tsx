import { useId } from 'react';
import { STATUS_FILTERS, type StatusFilter as StatusFilterValue } from '../utils/ticket-filter';
import { useTranslation } from '@/lib/i18n';
import styles from './status-filter.module.css';

export interface StatusFilterProps {
  value: StatusFilterValue;
  onChange: (next: StatusFilterValue) => void;
}

/** All / On Customer / Done, as a segmented radio group. */
export function StatusFilter({ value, onChange }: StatusFilterProps) {
  const { t } = useTranslation(['support', 'tickets']);
  const name = useId();
  return (
    <fieldset className={styles.group}>
      <legend className="visually-hidden">{t('list.filter')}</legend>
      <div className={styles.options}>
        {STATUS_FILTERS.map((option) => (
          <label key={option.value} className={styles.option}>
            <input
              type="radio"
              className={styles.input}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className={styles.text}>{t(option.label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
