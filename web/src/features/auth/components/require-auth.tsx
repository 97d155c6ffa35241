import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { FullPageSpinner } from '@/components/ui/full-page-spinner';
import { Page } from '@/components/ui/page';
import { useTranslation } from '@/lib/i18n';
import { useMe } from '../api/get-me';
import { loginPathFor } from '../utils/redirect';

/** Renders the nested routes for signed-in users; sends everyone else to sign in. */
export function RequireAuth() {
  const { t } = useTranslation(['auth', 'common']);
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    return (
      <main style={{ padding: 32 }}>
        <Page title={t('unreachable')} description={me.error.message}>
          <div>
            <Button onClick={() => void me.refetch()}>{t('common:action.tryAgain')}</Button>
          </div>
        </Page>
      </main>
    );
  }
  if (me.data === null) {
    const intended = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={loginPathFor(intended)} replace />;
  }
  return <Outlet />;
}
