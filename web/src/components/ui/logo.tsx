import styles from './logo.module.css';

/** The Textura wordmark. */
export function Logo() {
  return (
    <span className={styles.logo}>
      <svg className={styles.mark} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <rect width="24" height="24" rx="7" fill="var(--accent)" />
        <path d="M7 8h10M12 8v9" stroke="var(--on-accent)" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <span className={styles.name}>Textura</span>
    </span>
  );
}
