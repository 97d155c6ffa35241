import { useDocumentTitle } from '@/hooks/use-document-title';
import { Button } from '@/components/ui/button';
import { Logo } from '@/components/ui/logo';
import styles from './status-page.module.css';

/** Shown when a page crashes: a bug, never expected. */
export function RouteError() {
  useDocumentTitle('Something went wrong');
  return (
    <main className={styles.screen}>
      <Logo />
      <h1 className={styles.title}>Something went wrong</h1>
      <p className={styles.text}>This page ran into an error. Reloading usually helps.</p>
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </main>
  );
}
