import styles from './form-alert.module.css';

/** A form-level error, announced to screen readers as soon as it appears. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className={styles.alert}>
      {message}
    </div>
  );
}
