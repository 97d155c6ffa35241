import { EmptyState } from '@/components/ui/empty-state';
import { useTranslation } from '@/lib/i18n';
import styles from './support-workspace.module.css';

/** The staff pane before a ticket is picked. */
export function PanePlaceholder() {
  const { t } = useTranslation('support');
  return (
    <div className={styles.placeholder}>
      <EmptyState title={t('placeholder.title')}>
        <p>{t('placeholder.text')}</p>
      </EmptyState>
    </div>
  );
}
