import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useTranslation } from '@/lib/i18n';
import { useLogin } from '../api/login';
import { describeAuthError } from '../utils/error-message';
import { loginFormSchema, validateForm, type FieldErrors, type LoginFormValues } from '../utils/validation';
import styles from './auth-card.module.css';

const FIELDS = ['email', 'password'] as const;

export function LoginForm() {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [values, setValues] = useState<LoginFormValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<LoginFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const update = (field: keyof LoginFormValues) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const result = validateForm(loginFormSchema, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    login.mutate(result.data, {
      onError: (error) => {
        const described = describeAuthError(error, FIELDS);
        if (described.field) setErrors({ [described.field]: described.message });
        else setFormError(described.message);
      },
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('login.form')}>
      <FormAlert message={formError} />
      <TextField
        label={t('field.email')}
        type="email"
        name="email"
        autoComplete="email"
        value={values.email}
        onChange={(e) => update('email')(e.target.value)}
        error={errors.email}
      />
      <TextField
        label={t('field.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => update('password')(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" fullWidth loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </form>
  );
}
