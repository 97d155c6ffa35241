import { Link, useSearchParams } from 'react-router';
import { REDIRECT_PARAM, paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { LoginForm } from '@/features/auth/components/login-form';
import { Trans, useTranslation } from '@/lib/i18n';

export function LoginRoute() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = params.get(REDIRECT_PARAM);
  const signupHref = next ? `${paths.signup}?${new URLSearchParams({ [REDIRECT_PARAM]: next }).toString()}` : paths.signup;
  return (
    <AuthCard
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      footer={<Trans t={t} i18nKey="login.footer" components={{ anchor: <Link to={signupHref} /> }} />}
    >
      <LoginForm />
    </AuthCard>
  );
}
