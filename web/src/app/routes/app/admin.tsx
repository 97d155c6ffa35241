import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { AuditLogPage } from '@/features/admin/components/audit-log-page';
import { ReportsPage } from '@/features/admin/components/reports-page';
import { SlaSettingsPage } from '@/features/admin/components/sla-settings-page';
import { StaffPage } from '@/features/admin/components/staff-page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';

function OnlyFor({ admin, children }: { admin: boolean; children: ReactNode }) {
  const { user } = useSession();
  const allowed = admin ? user.role === 'admin' : isStaffRole(user.role);
  return allowed ? children : <Navigate to={paths.home} replace />;
}

export function SupportReportsRoute() {
  return <OnlyFor admin={false}><ReportsPage /></OnlyFor>;
}

export function AdminSlaRoute() {
  const { user } = useSession();
  return <OnlyFor admin={false}><SlaSettingsPage canEdit={user.role === 'admin'} /></OnlyFor>;
}

export function AdminStaffRoute() {
  const { user } = useSession();
  return <OnlyFor admin><StaffPage selfId={user.id} /></OnlyFor>;
}

export function AdminAuditRoute() {
  return <OnlyFor admin><AuditLogPage /></OnlyFor>;
}
