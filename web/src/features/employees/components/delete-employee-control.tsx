import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { useDeleteEmployee } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import styles from './employees.module.css';

/** Delete, confirmed first, saying what stays: the employee's chats. */
export function DeleteEmployeeControl({ employee }: { employee: Employee }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteEmployee();
  const navigate = useNavigate();
  const titleId = useId();
  const textId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button variant="ghost" className={styles.danger} onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className={styles.confirm}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setConfirming(false);
      }}
    >
      <p id={titleId} className={styles.confirmTitle}>{`Delete ${employee.name}?`}</p>
      <p id={textId} className={styles.confirmText}>
        It stops replying everywhere and disappears from AI Employees. Its chats stay in Chats, readable, under its
        name; its knowledge is no longer used.
      </p>
      {remove.isError ? (
        <p role="alert" className={styles.error}>{`Could not delete: ${remove.error.message}`}</p>
      ) : null}
      <div className={styles.confirmActions}>
        <Button
          ref={confirmRef}
          className={styles.dangerSolid}
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(employee.id, { onSuccess: () => void navigate('/employees', { replace: true }) })
          }
        >
          Yes, delete
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
