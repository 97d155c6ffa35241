import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { paths, ticketPath } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useCreateTicket } from '../api/create-ticket';
import { useEmployees } from '../api/get-employees';
import type { RequestType } from '../api/ticket-schemas';
import { useAttachmentQueue } from '@/hooks/use-attachment-queue';
import { limitsText } from '@/lib/attachments/attachment-queue';
import { Trans, useTranslation } from '@/lib/i18n';
import type { NewTicketPrefill } from '../utils/follow-up';
import {
  SERVER_FIELDS,
  validateNewTicket,
  type NewTicketErrors,
  type NewTicketField,
  type NewTicketValues,
} from '../utils/new-ticket-validation';
import { isSendShortcut } from '../utils/send-shortcut';
import { AttachButton, AttachmentChips, DropOverlay } from '@/components/attachments/attachment-tray';
import { RequestTypeField } from './request-type-field';
import styles from './new-ticket-form.module.css';

export interface NewTicketFormProps {
  /** A follow-up's title, first message and the Done ticket it follows. */
  prefill?: NewTicketPrefill | undefined;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

export function NewTicketForm({ prefill }: NewTicketFormProps) {
  const { t } = useTranslation(['support', 'tickets', 'common']);
  const navigate = useNavigate();
  const create = useCreateTicket();
  const employees = useEmployees();
  const employeeFieldId = useId();
  const attachmentsId = useId();
  const files = useAttachmentQueue();
  const [values, setValues] = useState<NewTicketValues>({
    title: prefill?.title ?? '',
    category: '',
    employeeId: '',
    chatUrl: '',
    body: prefill?.body ?? '',
  });
  const [errors, setErrors] = useState<NewTicketErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped when errors appear, so focus moves to the first field to fix.
  const [focusRequest, setFocusRequest] = useState(0);
  const followUpOf = prefill?.followUpOf ?? null;

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.tagName === 'FIELDSET' ? invalid.querySelector<HTMLElement>('input') : invalid;
    target?.focus();
  }, [focusRequest]);
  const employeeOptions = employees.data ?? [];

  const update = (field: NewTicketField, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = () => {
    if (create.isPending) return;
    setFormError(null);
    const result = validateNewTicket(values, followUpOf);
    if (!result.ok) {
      setErrors(result.errors);
      setFocusRequest((n) => n + 1);
      return;
    }
    if (files.blocked) {
      setFormError(files.blocked);
      return;
    }
    const input = files.ids.length > 0 ? { ...result.input, attachment_ids: files.ids } : result.input;
    create.mutate(input, {
      onSuccess: ({ ticket }) => void navigate(ticketPath(ticket.id)),
      onError: (error) => {
        const field = isApiError(error) && error.field !== undefined ? SERVER_FIELDS[error.field] : undefined;
        if (field) {
          setErrors({ [field]: sentence(error.message) });
          setFocusRequest((n) => n + 1);
        } else setFormError(isApiError(error) ? error.message : t('new.unexpected'));
      },
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
    if (isSendShortcut({ key, ctrlKey, metaKey, altKey, shiftKey, isComposing: event.nativeEvent.isComposing })) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={onSubmit}
      noValidate
      aria-label={t('new.form')}
      {...files.dropZone}
    >
      <DropOverlay active={files.dragging} />
      <FormAlert message={formError} />
      {followUpOf !== null ? (
        <p className={styles.followUp}>
          <Trans
            t={t}
            i18nKey="new.followUpOf"
            components={{ anchor: <Link to={ticketPath(followUpOf)}>{t('tickets:number', { id: followUpOf })}</Link> }}
          />
        </p>
      ) : null}
      <TextField
        label={t('new.titleField')}
        name="title"
        value={values.title}
        onChange={(event) => update('title', event.target.value)}
        error={errors.title}
        hint={t('new.titleHint')}
        maxLength={400}
        autoComplete="off"
      />
      <RequestTypeField
        value={values.category}
        onChange={(next: RequestType) => update('category', next)}
        error={errors.category}
      />
      {employeeOptions.length > 0 ? (
        <div className={styles.field}>
          <label htmlFor={employeeFieldId} className={styles.label}>
            {t('new.employee')}
          </label>
          <select
            id={employeeFieldId}
            className={styles.select}
            value={values.employeeId}
            onChange={(event) => update('employeeId', event.target.value)}
            aria-invalid={errors.employeeId ? true : undefined}
            aria-describedby={errors.employeeId ? `${employeeFieldId}-error` : undefined}
          >
            <option value="">{t('new.noEmployee')}</option>
            {employeeOptions.map((employee) => (
              <option key={employee.id} value={String(employee.id)}>
                {employee.name}
              </option>
            ))}
          </select>
          {errors.employeeId ? (
            <p id={`${employeeFieldId}-error`} className={styles.error}>
              {errors.employeeId}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextField
        label={t('new.chatUrl')}
        name="chat_url"
        type="url"
        inputMode="url"
        placeholder="https://…/chats/…"
        value={values.chatUrl}
        onChange={(event) => update('chatUrl', event.target.value)}
        error={errors.chatUrl}
        hint={t('new.chatUrlHint')}
      />
      <TextAreaField
        label={t('new.body')}
        name="body"
        rows={8}
        value={values.body}
        onChange={(event) => update('body', event.target.value)}
        onKeyDown={onBodyKeyDown}
        onPaste={files.onPaste}
        error={errors.body}
        hint={t('new.bodyHint')}
      />
      <div className={styles.field} role="group" aria-labelledby={`${attachmentsId}-label`} aria-describedby={`${attachmentsId}-hint`}>
        <p id={`${attachmentsId}-label`} className={styles.label}>
          {t('new.files')}
        </p>
        <div className={styles.attachRow}>
          <AttachButton queue={files} />
          <p id={`${attachmentsId}-hint`} className={styles.hint}>
            {t('new.filesHint', { limits: limitsText() })}
          </p>
        </div>
        <AttachmentChips queue={files} />
      </div>
      <div className={styles.actions}>
        <Button type="submit" loading={create.isPending} disabled={files.uploading}>
          {t('new.submit')}
        </Button>
        <Button variant="ghost" onClick={() => void navigate(paths.support)}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </form>
  );
}
