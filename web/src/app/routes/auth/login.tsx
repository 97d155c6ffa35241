import { Link, useSearchParams } from 'react-router';
import { REDIRECT_PARAM, paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { LoginForm } from '@/features/auth/components/login-form';

export function LoginRoute() {
  const [params] = useSearchParams();
  const next = params.get(REDIRECT_PARAM);
  const signupHref = next ? `${paths.signup}?${new URLSearchParams({ [REDIRECT_PARAM]: next }).toString()}` : paths.signup;
  return (
    <AuthCard
      title="Sign in to Textura"
      subtitle="Welcome back. Your AI employees are waiting."
      footer={
        <>
          New to Textura? <Link to={signupHref}>Create an account</Link>
        </>
      }
    >
      <LoginForm />
    </AuthCard>
  );
}
