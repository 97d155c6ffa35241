import { useId, useState, type ChangeEvent } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import type { NumberLocale } from '@/lib/money';
import { useUpdateEmployee } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import { uploadAvatar } from '../api/knowledge';
import { valuesOf } from '../utils/employee-validation';
import { EmployeeAvatar } from './employee-avatar';
import { EmployeeForm } from './employee-form';
import styles from './employees.module.css';

const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export function SettingsPanel({ employee, locale }: { employee: Employee; locale: NumberLocale }) {
  const update = useUpdateEmployee();
  return (
    <section aria-label="Settings" className={styles.panel}>
      <AvatarField employee={employee} />
      <EmployeeForm
        initial={valuesOf(employee)}
        submitLabel="Save changes"
        savedText="Saved."
        locale={locale}
        pending={update.isPending}
        onSubmit={(input) => update.mutateAsync({ id: employee.id, patch: input })}
      />
    </section>
  );
}

function AvatarField({ employee }: { employee: Employee }) {
  const id = useId();
  const update = useUpdateEmployee();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError('Choose an image (PNG, JPEG or WebP).');
      return;
    }
    if (file.size > AVATAR_MAX_BYTES) {
      setError('The picture is larger than 5 MB.');
      return;
    }
    setError(null);
    setBusy(true);
    uploadAvatar(file)
      .then((attachmentId) => update.mutateAsync({ id: employee.id, patch: { avatar_attachment_id: attachmentId } }))
      .catch((failure: unknown) => setError(`Could not change the picture: ${failure instanceof Error ? failure.message : ''}`))
      .finally(() => setBusy(false));
  };

  return (
    <div className={styles.avatarField}>
      <EmployeeAvatar name={employee.name} url={employee.avatar_url} size={64} />
      <div className={styles.avatarText}>
        <label htmlFor={id} className={styles.fileButton} aria-busy={busy || undefined}>
          {busy ? 'Uploading…' : employee.avatar_url ? 'Change picture' : 'Upload picture'}
        </label>
        <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif" className="visually-hidden" onChange={onChange} disabled={busy} />
        <p className={styles.hint}>A square image works best; up to 5 MB.</p>
        <FormAlert message={error} />
      </div>
    </div>
  );
}
