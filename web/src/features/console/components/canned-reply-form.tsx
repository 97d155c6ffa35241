import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useSaveCanned, type CannedInput } from '../api/canned-replies';
import type { CannedReply } from '../api/schemas';
import { validateCanned, type CannedErrors } from '../utils/canned-validation';
import styles from './canned-replies.module.css';

/** Creates a canned reply (`reply` null) or edits one. */
export function CannedReplyForm({ reply, onDone }: { reply: CannedReply | null; onDone: () => void }) {
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
          if (isApiError(error) && error.status === 409) setErrors({ shortcut: 'You already have a reply with this shortcut.' });
          else setFailure(`Not saved: ${error.message}`);
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label={reply ? `Edit ${reply.title}` : 'New canned reply'} noValidate>
      <FormAlert message={failure} />
      <TextField label="Title" value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} maxLength={100} />
      <TextAreaField
        label="Text"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={errors.body}
        rows={5}
        hint="Hello {{customer.first_name}}, … — placeholders are filled in when inserted."
      />
      <TextField
        label="Shortcut (optional)"
        value={shortcut}
        onChange={(event) => setShortcut(event.target.value)}
        error={errors.shortcut}
        hint="Lower-case letters, digits, - and _; type “/” and the shortcut in a reply to insert it."
        maxLength={32}
        autoComplete="off"
        spellCheck={false}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
        Share with the team
      </label>
      <div className={styles.actions}>
        <Button type="submit" loading={save.isPending}>
          {reply ? 'Save changes' : 'Create canned reply'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
