import { useDocumentTitle } from '@/hooks/use-document-title';
import { Button } from '@/components/ui/button';
import { Logo } from '@/components/ui/logo';
import { useTranslation } from '@/lib/i18n';
import styles from './status-page.module.css';

/** Shown when a page crashes: a bug, never expected. */
export function RouteError() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('crash.title'));
  return (
    <main className={styles.screen}>
      <Logo />
      <h1 className={styles.title}>{t('crash.title')}</h1>
      <p className={styles.text}>{t('crash.text')}</p>
      <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
    </main>
  );
}
