import styles from './employees.module.css';

/** The employee's picture, or its initial on a tinted disc. */
export function EmployeeAvatar({ name, url, size = 40 }: { name: string; url: string | null; size?: number }) {
  if (url) {
    return <img className={styles.avatar} src={url} alt="" width={size} height={size} />;
  }
  return (
    <span className={styles.avatar} style={{ width: size, height: size, fontSize: size * 0.42 }} aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}
