import { useId, type ReactNode } from 'react';
import styles from './card.module.css';

export interface CardProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** A titled panel; the title labels the region for assistive technology. */
export function Card({ title, description, children }: CardProps) {
  const headingId = useId();
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.title}>
          {title}
        </h2>
        {description ? <p className={styles.description}>{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
