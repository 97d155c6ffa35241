import { useNavigate } from 'react-router';
import { Page } from '@/components/ui/page';
import { useTranslation } from '@/lib/i18n';
import { useCreateEmployee } from '../api/employees';
import { NEW_EMPLOYEE } from '../utils/employee-validation';
import { EmployeeForm } from './employee-form';

/** /employees/new: the form; then its Knowledge tab, the next thing it needs. */
export function NewEmployeePage() {
  const { t } = useTranslation('employees');
  const create = useCreateEmployee();
  const navigate = useNavigate();
  return (
    <Page title={t('new.title')} description={t('new.description')}>
      <EmployeeForm
        initial={NEW_EMPLOYEE}
        submitLabel={t('new.submit')}
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
