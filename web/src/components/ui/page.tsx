import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import styles from './page.module.css';

export interface PageProps {
  title: string;
  description?: string;
  children?: ReactNode;
}

/** A section page: its heading, a one-line purpose, then its content. */
export function Page({ title, description, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{title}</h1>
        {description ? <p className={styles.description}>{description}</p> : null}
      </header>
      {children}
    </div>
  );
}
