import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useTranslation } from '@/lib/i18n';
import { useSignup } from '../api/signup';
import { describeAuthError } from '../utils/error-message';
import {
  MIN_PASSWORD_LENGTH,
  signupFormSchema,
  validateForm,
  type FieldErrors,
  type SignupFormValues,
} from '../utils/validation';
import styles from './auth-card.module.css';

const FIELDS = ['email', 'password', 'name', 'company'] as const;
const EMPTY: SignupFormValues = { email: '', password: '', name: '', company: '' };

export function SignupForm() {
  const { t } = useTranslation('auth');
  const signup = useSignup();
  const [values, setValues] = useState<SignupFormValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<SignupFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const field = (name: keyof SignupFormValues) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((prev) => ({ ...prev, [name]: value }));
      setErrors((prev) => ({ ...prev, [name]: undefined }));
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const result = validateForm(signupFormSchema, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    signup.mutate(result.data, {
      onError: (error) => {
        const described = describeAuthError(error, FIELDS);
        if (described.field) setErrors({ [described.field]: described.message });
        else setFormError(described.message);
      },
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('signup.form')}>
      <FormAlert message={formError} />
      <TextField label={t('field.name')} autoComplete="name" {...field('name')} />
      <TextField label={t('field.company')} autoComplete="organization" {...field('company')} />
      <TextField label={t('field.workEmail')} type="email" autoComplete="email" {...field('email')} />
      <TextField
        label={t('field.password')}
        type="password"
        autoComplete="new-password"
        hint={t('signup.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        {...field('password')}
      />
      <Button type="submit" fullWidth loading={signup.isPending}>
        {t('signup.submit')}
      </Button>
    </form>
  );
}
