import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { useTranslation } from '@/lib/i18n';
import { useDeleteEmployee } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import styles from './employees.module.css';

/** Delete, confirmed first, saying what stays: the employee's chats. */
export function DeleteEmployeeControl({ employee }: { employee: Employee }) {
  const { t } = useTranslation(['employees', 'common']);
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
        {t('delete.button')}
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
      <p id={titleId} className={styles.confirmTitle}>{t('delete.title', { name: employee.name })}</p>
      <p id={textId} className={styles.confirmText}>
        {t('delete.body')}
      </p>
      {remove.isError ? (
        <p role="alert" className={styles.error}>{t('delete.failed', { message: remove.error.message })}</p>
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
          {t('delete.confirm')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </div>
  );
}
