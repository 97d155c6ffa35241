import styles from './count-badge.module.css';

export interface CountBadgeProps {
  count: number;
  /** What is being counted, read by screen readers, e.g. "unread". */
  label: string;
}

/** A small red number; renders nothing for zero. */
export function CountBadge({ count, label }: CountBadgeProps) {
  if (count <= 0) return null;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <>
      <span className={styles.badge} aria-hidden="true" data-testid="count-badge">
        {shown}
      </span>
      <span className="visually-hidden">{` (${count} ${label})`}</span>
    </>
  );
}
