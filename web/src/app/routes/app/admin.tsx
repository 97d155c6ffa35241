import { lazy, Suspense, type ReactNode } from 'react';
import { FullPageSpinner } from '@/components/ui/full-page-spinner';
import { AuditLogPage } from '@/features/admin/components/audit-log-page';
import { NoAccess } from '@/features/admin/components/no-access';
import { SlaSettingsPage } from '@/features/admin/components/sla-settings-page';
import { StaffPage } from '@/features/admin/components/staff-page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { useTranslation } from '@/lib/i18n';

// recharts is most of the reports page's weight and only staff open it, so it
// comes in its own chunk when the page is first visited.
const ReportsPage = lazy(() =>
  import('@/features/admin/components/reports-page').then((m) => ({ default: m.ReportsPage })),
);

function OnlyFor({ admin, title, children }: { admin: boolean; title: string; children: ReactNode }) {
  const { user } = useSession();
  const allowed = admin ? user.role === 'admin' : isStaffRole(user.role);
  return allowed ? children : <NoAccess title={title} audience={admin ? 'admins' : 'staff'} />;
}

export function SupportReportsRoute() {
  const { t } = useTranslation('admin');
  return (
    <OnlyFor admin={false} title={t('titles.reports')}>
      <Suspense fallback={<FullPageSpinner label={t('reports.loadingPage')} />}>
        <ReportsPage />
      </Suspense>
    </OnlyFor>
  );
}

export function AdminSlaRoute() {
  const { t } = useTranslation('admin');
  return <OnlyFor admin title={t('titles.sla')}><SlaSettingsPage /></OnlyFor>;
}

export function AdminStaffRoute() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  return <OnlyFor admin title={t('titles.staff')}><StaffPage selfId={user.id} /></OnlyFor>;
}

export function AdminAuditRoute() {
  const { t } = useTranslation('admin');
  return <OnlyFor admin title={t('titles.audit')}><AuditLogPage /></OnlyFor>;
}
