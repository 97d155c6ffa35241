import { useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { BalanceWidget } from '@/features/billing/components/balance-widget';
import { Playground } from '@/features/chats/components/playground';
import { EmployeePage, type EmployeeTab } from '@/features/employees/components/employee-page';
import { EmployeesPage } from '@/features/employees/components/employees-page';
import { NewEmployeePage } from '@/features/employees/components/new-employee-page';
import { useTranslation } from '@/lib/i18n';
import { parseId } from './parse-id';

/** Staff answer tickets; AI employees belong to customer accounts. */
function StaffNote() {
  const { t } = useTranslation('employees');
  return (
    <Page title={t('title')} description={t('description')}>
      <EmptyState title={t('staff.title')}>
        <p>{t('staff.body')}</p>
      </EmptyState>
    </Page>
  );
}

function useViewer() {
  const { user } = useSession();
  return { isStaff: isStaffRole(user.role) };
}

export function EmployeesRoute() {
  const viewer = useViewer();
  if (viewer.isStaff) return <StaffNote />;
  return <EmployeesPage balance={<BalanceWidget variant="full" />} />;
}

export function NewEmployeeRoute() {
  const viewer = useViewer();
  if (viewer.isStaff) return <StaffNote />;
  return <NewEmployeePage />;
}

function EmployeeTabRoute({ tab }: { tab: EmployeeTab }) {
  const viewer = useViewer();
  const { employeeId } = useParams();
  if (viewer.isStaff) return <StaffNote />;
  return (
    <EmployeePage
      key={employeeId}
      employeeId={parseId(employeeId)}
      tab={tab}
      renderPlayground={(employee) => (
        <Playground employee={employee} balance={<BalanceWidget />} />
      )}
    />
  );
}

export const EmployeeSettingsRoute = () => <EmployeeTabRoute tab="settings" />;
export const EmployeeKnowledgeRoute = () => <EmployeeTabRoute tab="knowledge" />;
export const EmployeePlaygroundRoute = () => <EmployeeTabRoute tab="playground" />;
