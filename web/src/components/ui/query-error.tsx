import { Button } from './button';
import { useTranslation } from '@/lib/i18n';
import styles from './error-boundary.module.css';

export interface QueryErrorProps {
  /** What could not be loaded, e.g. "Could not load the tickets". */
  title: string;
  error: Error;
  onRetry: () => void;
}

/** A failed load, said plainly, with a retry. */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={styles.box}>
      <p className={styles.title}>{title}</p>
      <p className={styles.detail}>{error.message}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('action.tryAgain')}
      </Button>
    </div>
  );
}
