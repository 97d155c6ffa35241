import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { formatPricePer1000, type NumberLocale } from '@/lib/money';
import { useModels } from '../api/employees';
import {
  EMPLOYEE_LIMITS,
  validateEmployee,
  type EmployeeErrors,
  type EmployeeFormValues,
  type EmployeeInput,
} from '../utils/employee-validation';
import styles from './employees.module.css';

export interface EmployeeFormProps {
  initial: EmployeeFormValues;
  submitLabel: string;
  locale: NumberLocale;
  pending: boolean;
  onSubmit: (input: EmployeeInput) => Promise<unknown>;
  onCancel?: () => void;
  /** Shown after a successful save (settings). */
  savedText?: string;
}

const API_FIELDS: Record<string, keyof EmployeeFormValues> = {
  name: 'name',
  role: 'role',
  instructions: 'instructions',
  greeting: 'greeting',
  model: 'model',
  temperature: 'temperature',
  reply_word_limit: 'replyWordLimit',
};

/** Name, role, instructions, greeting, model, temperature and reply length — checked as the API checks them. */
export function EmployeeForm({ initial, submitLabel, locale, pending, onSubmit, onCancel, savedText }: EmployeeFormProps) {
  const models = useModels();
  const modelId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<EmployeeErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const catalog = models.data ?? [];
  const defaultModel = catalog.find((model) => model.default)?.id ?? catalog[0]?.id ?? '';
  const model = values.model || defaultModel;

  const set = (key: keyof EmployeeFormValues, value: string) => {
    setValues((old) => ({ ...old, [key]: value }));
    // A corrected field is judged again on the next submit, not shown wrong meanwhile.
    setErrors((old) => {
      if (!(key in old)) return old;
      const rest = { ...old };
      delete rest[key];
      return rest;
    });
    setSaved(false);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateEmployee({ ...values, model }, catalog.map((m) => m.id));
    setErrors(checked.errors);
    setFormError(null);
    if (!checked.input) return;
    onSubmit(checked.input).then(
      () => setSaved(true),
      (error: unknown) => {
        const field = isApiError(error) && error.field ? API_FIELDS[error.field] : undefined;
        if (field && isApiError(error)) setErrors({ [field]: error.message });
        else setFormError(error instanceof Error ? error.message : 'Could not save.');
      },
    );
  };

  const selected = catalog.find((m) => m.id === model);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={submitLabel} noValidate>
      <FormAlert message={formError} />
      <div className={styles.twoColumns}>
        <TextField
          label="Name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          maxLength={EMPLOYEE_LIMITS.name + 50}
          required
        />
        <TextField
          label="Role"
          value={values.role}
          onChange={(e) => set('role', e.target.value)}
          error={errors.role}
          hint="What clients see it as, e.g. Concierge"
        />
      </div>
      <TextAreaField
        label="Instructions"
        value={values.instructions}
        onChange={(e) => set('instructions', e.target.value)}
        error={errors.instructions}
        hint={`Its persona and rules: what it does, how it speaks, what it never does. Up to ${EMPLOYEE_LIMITS.instructions.toLocaleString('en')} characters.`}
        rows={6}
      />
      <TextAreaField
        label="Greeting"
        value={values.greeting}
        onChange={(e) => set('greeting', e.target.value)}
        error={errors.greeting}
        hint="The first message of every new conversation (free). Leave empty for none."
        rows={2}
      />
      <div className={styles.selectField}>
        <label htmlFor={modelId}>Model</label>
        <select
          id={modelId}
          value={model}
          onChange={(e) => set('model', e.target.value)}
          aria-invalid={errors.model ? true : undefined}
          aria-describedby={`${modelId}-hint`}
          disabled={models.isPending}
        >
          {models.isPending ? <option value="">Loading models…</option> : null}
          {catalog.map((m) => (
            <option key={m.id} value={m.id}>
              {`${m.name} — ${formatPricePer1000(m.price_per_1000_words, locale)}`}
            </option>
          ))}
        </select>
        <p id={`${modelId}-hint`} className={errors.model ? styles.error : styles.hint}>
          {errors.model ??
            (models.isError
              ? `Could not load the models: ${models.error.message}`
              : selected
                ? `Replies cost ${formatPricePer1000(selected.price_per_1000_words, locale)}, rounded up to the kopeck.`
                : '')}
        </p>
      </div>
      <div className={styles.twoColumns}>
        <TextField
          label="Temperature"
          inputMode="decimal"
          value={values.temperature}
          onChange={(e) => set('temperature', e.target.value)}
          error={errors.temperature}
          hint="0 = precise and repeatable, 2 = most varied"
        />
        <TextField
          label="Reply length limit (words)"
          inputMode="numeric"
          value={values.replyWordLimit}
          onChange={(e) => set('replyWordLimit', e.target.value)}
          error={errors.replyWordLimit}
          hint="0 for no limit, or 10–2,000"
        />
      </div>
      <div className={styles.formActions}>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span role="status" className={styles.saved}>
          {saved && savedText ? savedText : ''}
        </span>
      </div>
    </form>
  );
}
