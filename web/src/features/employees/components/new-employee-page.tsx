import { useNavigate } from 'react-router';
import { Page } from '@/components/ui/page';
import type { NumberLocale } from '@/lib/money';
import { useCreateEmployee } from '../api/employees';
import { NEW_EMPLOYEE } from '../utils/employee-validation';
import { EmployeeForm } from './employee-form';

/** /employees/new: the form; then its Knowledge tab, the next thing it needs. */
export function NewEmployeePage({ locale }: { locale: NumberLocale }) {
  const create = useCreateEmployee();
  const navigate = useNavigate();
  return (
    <Page title="New AI employee" description="Who it is and how it answers. You can change all of it later.">
      <EmployeeForm
        initial={NEW_EMPLOYEE}
        submitLabel="Create employee"
        locale={locale}
        pending={create.isPending}
        onSubmit={async (input) => {
          const employee = await create.mutateAsync(input);
          void navigate(`/employees/${employee.id}/knowledge`);
        }}
        onCancel={() => void navigate('/employees')}
      />
    </Page>
  );
}
