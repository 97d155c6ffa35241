import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  icon?: ReactNode;
}

/** An honest placeholder for something that has no content (yet). */
export function EmptyState({ title, children, icon }: EmptyStateProps) {
  return (
    <section className={styles.empty} aria-label={title}>
      {icon ? (
        <div className={styles.icon} aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <h2 className={styles.title}>{title}</h2>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
