import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { paths } from '@/config/paths';
import { Trans, useTranslation } from '@/lib/i18n';

export interface NoAccessProps {
  /** The page that was asked for, e.g. "Staff". */
  title: string;
  /** Who may open it: admins only, or the whole support team. */
  audience: 'admins' | 'staff';
}

/** Shown instead of a page the signed-in user's role may not open: says so plainly. */
export function NoAccess({ title, audience }: NoAccessProps) {
  const { t } = useTranslation('admin');
  return (
    <Page title={title}>
      <EmptyState
        title={t('noAccess.title')}
        icon={
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8">
            <rect x="5" y="11" width="14" height="9" rx="2" />
            <path d="M8 11V8a4 4 0 0 1 8 0v3" strokeLinecap="round" />
          </svg>
        }
      >
        <p>{audience === 'admins' ? t('noAccess.onlyAdmins') : t('noAccess.onlyStaff')}</p>
        <p>
          <Trans t={t} i18nKey="noAccess.askAdmin" components={{ anchor: <Link to={paths.home} /> }} />
        </p>
      </EmptyState>
    </Page>
  );
}
