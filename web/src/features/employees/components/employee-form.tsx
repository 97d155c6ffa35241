import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { Money } from '@/lib/money';
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
export function EmployeeForm({ initial, submitLabel, pending, onSubmit, onCancel, savedText }: EmployeeFormProps) {
  const { t } = useTranslation(['employees', 'common']);
  const fmt = useFormatters();
  const pricePer1000 = (price: Money) => t('common:money.per1000Words', { price: fmt.money(price) });
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
        else setFormError(error instanceof Error ? error.message : t('form.saveFailed'));
      },
    );
  };

  const selected = catalog.find((m) => m.id === model);
  return (
    <form className={styles.form} onSubmit={submit} aria-label={submitLabel} noValidate>
      <FormAlert message={formError} />
      <div className={styles.twoColumns}>
        <TextField
          label={t('form.name')}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          maxLength={EMPLOYEE_LIMITS.name + 50}
          required
        />
        <TextField
          label={t('form.role')}
          value={values.role}
          onChange={(e) => set('role', e.target.value)}
          error={errors.role}
          hint={t('form.roleHint')}
        />
      </div>
      <TextAreaField
        label={t('form.instructions')}
        value={values.instructions}
        onChange={(e) => set('instructions', e.target.value)}
        error={errors.instructions}
        hint={t('form.instructionsHint', { max: EMPLOYEE_LIMITS.instructions })}
        rows={6}
      />
      <TextAreaField
        label={t('form.greeting')}
        value={values.greeting}
        onChange={(e) => set('greeting', e.target.value)}
        error={errors.greeting}
        hint={t('form.greetingHint')}
        rows={2}
      />
      <div className={styles.selectField}>
        <label htmlFor={modelId}>{t('form.model')}</label>
        <select
          id={modelId}
          value={model}
          onChange={(e) => set('model', e.target.value)}
          aria-invalid={errors.model ? true : undefined}
          aria-describedby={`${modelId}-hint`}
          disabled={models.isPending}
        >
          {models.isPending ? <option value="">{t('form.loadingModels')}</option> : null}
          {catalog.map((m) => (
            <option key={m.id} value={m.id}>
              {t('form.modelOption', { name: m.name, price: pricePer1000(m.price_per_1000_words) })}
            </option>
          ))}
        </select>
        <p id={`${modelId}-hint`} className={errors.model ? styles.error : styles.hint}>
          {errors.model ??
            (models.isError
              ? t('form.modelsFailed', { message: models.error.message })
              : selected
                ? t('form.cost', { price: pricePer1000(selected.price_per_1000_words) })
                : '')}
        </p>
      </div>
      <div className={styles.twoColumns}>
        <TextField
          label={t('form.temperature')}
          inputMode="decimal"
          value={values.temperature}
          onChange={(e) => set('temperature', e.target.value)}
          error={errors.temperature}
          hint={t('form.temperatureHint')}
        />
        <TextField
          label={t('form.replyLimit')}
          inputMode="numeric"
          value={values.replyWordLimit}
          onChange={(e) => set('replyWordLimit', e.target.value)}
          error={errors.replyWordLimit}
          hint={t('form.replyLimitHint', { min: EMPLOYEE_LIMITS.replyWordsMin, max: EMPLOYEE_LIMITS.replyWordsMax })}
        />
      </div>
      <div className={styles.formActions}>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common:action.cancel')}
          </Button>
        ) : null}
        <span role="status" className={styles.saved}>
          {saved && savedText ? savedText : ''}
        </span>
      </div>
    </form>
  );
}
