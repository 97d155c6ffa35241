import { Link, useSearchParams } from 'react-router';
import { REDIRECT_PARAM, paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { SignupForm } from '@/features/auth/components/signup-form';

export function SignupRoute() {
  const [params] = useSearchParams();
  const next = params.get(REDIRECT_PARAM);
  const loginHref = next ? `${paths.login}?${new URLSearchParams({ [REDIRECT_PARAM]: next }).toString()}` : paths.login;
  return (
    <AuthCard
      title="Create your Textura account"
      subtitle="Set up your company's workspace for AI employees."
      footer={
        <>
          Already have an account? <Link to={loginHref}>Sign in</Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
