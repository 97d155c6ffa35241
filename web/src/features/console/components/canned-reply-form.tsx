import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useTranslation } from '@/lib/i18n';
import { useSaveCanned, type CannedInput } from '../api/canned-replies';
import type { CannedReply } from '../api/schemas';
import { validateCanned, type CannedErrors } from '../utils/canned-validation';
import styles from './canned-replies.module.css';

/** Creates a canned reply (`reply` null) or edits one. */
export function CannedReplyForm({ reply, onDone }: { reply: CannedReply | null; onDone: () => void }) {
  const { t } = useTranslation(['console', 'common']);
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [shared, setShared] = useState(reply?.shared ?? false);
  const [errors, setErrors] = useState<CannedErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveCanned();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: CannedInput = { title: title.trim(), body: body.trim(), shortcut: shortcut.trim() || null, shared };
    const found = validateCanned(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFailure(null);
    save.mutate(
      { id: reply?.id ?? null, input },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setErrors({ shortcut: t('cannedForm.shortcutTaken') });
          else setFailure(t('cannedForm.notSaved', { message: error.message }));
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={reply ? t('cannedForm.editLabel', { title: reply.title }) : t('cannedForm.newLabel')} noValidate>
      <FormAlert message={failure} />
      <TextField
        label={t('cannedForm.title')} value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} maxLength={100} />
      <TextAreaField
        label={t('cannedForm.text')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={errors.body}
        rows={5}
        hint={t('cannedForm.textHint', { placeholder: '{{customer.first_name}}' })}
      />
      <TextField
        label={t('cannedForm.shortcut')}
        value={shortcut}
        onChange={(event) => setShortcut(event.target.value)}
        error={errors.shortcut}
        hint={t('cannedForm.shortcutHint')}
        maxLength={32}
        autoComplete="off"
        spellCheck={false}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
        {t('cannedForm.share')}
      </label>
      <div className={styles.actions}>
        <Button type="submit" loading={save.isPending}>
          {reply ? t('cannedForm.saveChanges') : t('cannedForm.create')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </form>
  );
}
