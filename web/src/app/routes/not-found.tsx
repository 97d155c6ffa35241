import { Link } from 'react-router';
import { Logo } from '@/components/ui/logo';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import styles from './status-page.module.css';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <main className={styles.screen}>
      <Logo />
      <p className={styles.code} aria-hidden="true">
        404
      </p>
      <h1 className={styles.title}>Page not found</h1>
      <p className={styles.text}>There is no page at this address. Check the link, or start from the home page.</p>
      <Link className={styles.link} to={paths.home}>
        Go to Textura
      </Link>
    </main>
  );
}
