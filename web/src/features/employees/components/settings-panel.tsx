import { useId, useState, type ChangeEvent } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { useTranslation } from '@/lib/i18n';
import { useUpdateEmployee } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import { uploadAvatar } from '../api/knowledge';
import { valuesOf } from '../utils/employee-validation';
import { EmployeeAvatar } from './employee-avatar';
import { EmployeeForm } from './employee-form';
import styles from './employees.module.css';

const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export function SettingsPanel({ employee }: { employee: Employee }) {
  const { t } = useTranslation('employees');
  const update = useUpdateEmployee();
  return (
    <section aria-label={t('tabs.settings')} className={styles.panel}>
      <AvatarField employee={employee} />
      <EmployeeForm
        initial={valuesOf(employee)}
        submitLabel={t('form.saveChanges')}
        savedText={t('form.saved')}
        pending={update.isPending}
        onSubmit={(input) => update.mutateAsync({ id: employee.id, patch: input })}
      />
    </section>
  );
}

function AvatarField({ employee }: { employee: Employee }) {
  const { t } = useTranslation('employees');
  const id = useId();
  const update = useUpdateEmployee();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError(t('avatar.notImage'));
      return;
    }
    if (file.size > AVATAR_MAX_BYTES) {
      setError(t('avatar.tooLarge'));
      return;
    }
    setError(null);
    setBusy(true);
    uploadAvatar(file)
      .then((attachmentId) => update.mutateAsync({ id: employee.id, patch: { avatar_attachment_id: attachmentId } }))
      .catch((failure: unknown) =>
        setError(t('avatar.failed', { message: failure instanceof Error ? failure.message : '' })),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className={styles.avatarField}>
      <EmployeeAvatar name={employee.name} url={employee.avatar_url} size={64} />
      <div className={styles.avatarText}>
        <label htmlFor={id} className={styles.fileButton} aria-busy={busy || undefined}>
          {busy ? t('avatar.uploading') : employee.avatar_url ? t('avatar.change') : t('avatar.upload')}
        </label>
        <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif" className="visually-hidden" onChange={onChange} disabled={busy} />
        <p className={styles.hint}>{t('avatar.hint')}</p>
        <FormAlert message={error} />
      </div>
    </div>
  );
}
