import { Navigate, Outlet, useSearchParams } from 'react-router';
import { FullPageSpinner } from '@/components/ui/full-page-spinner';
import { REDIRECT_PARAM, paths } from '@/config/paths';
import { useMe } from '../api/get-me';
import { safeRedirectPath } from '../utils/redirect';

/**
 * Renders the sign-in and sign-up pages for visitors; a signed-in user (also
 * right after a successful sign-in) goes on to the page they wanted.
 */
export function GuestOnly() {
  const me = useMe();
  const [params] = useSearchParams();

  if (me.isPending) return <FullPageSpinner />;
  if (me.data) {
    return <Navigate to={safeRedirectPath(params.get(REDIRECT_PARAM), paths.home)} replace />;
  }
  return <Outlet />;
}
