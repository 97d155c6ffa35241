import { Link, useSearchParams } from 'react-router';
import { REDIRECT_PARAM, paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { SignupForm } from '@/features/auth/components/signup-form';
import { Trans, useTranslation } from '@/lib/i18n';

export function SignupRoute() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = params.get(REDIRECT_PARAM);
  const loginHref = next ? `${paths.login}?${new URLSearchParams({ [REDIRECT_PARAM]: next }).toString()}` : paths.login;
  return (
    <AuthCard
      title={t('signup.title')}
      subtitle={t('signup.subtitle')}
      footer={<Trans t={t} i18nKey="signup.footer" components={{ anchor: <Link to={loginHref} /> }} />}
    >
      <SignupForm />
    </AuthCard>
  );
}
