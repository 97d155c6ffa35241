import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { formatWords, type NumberLocale } from '@/lib/money';
import { useEmployeeList } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import { EmployeeAvatar } from './employee-avatar';
import { StatusBadge } from './status-badge';
import styles from './employees.module.css';

export interface EmployeesPageProps {
  locale: NumberLocale;
  /** The account's balance, beside the list. */
  balance?: ReactNode;
}

/** The AI Employees section: every employee with its status, channels and words this month. */
export function EmployeesPage({ locale, balance }: EmployeesPageProps) {
  const employees = useEmployeeList();
  return (
    <Page title="AI Employees" description="Create and manage your AI employees">
      <div className={styles.toolbar}>
        {balance}
        <ButtonLink to="/employees/new">New employee</ButtonLink>
      </div>
      {employees.isPending ? (
        <p role="status" className={styles.muted}>
          Loading employees…
        </p>
      ) : employees.isError ? (
        <QueryError title="Could not load the employees" error={employees.error} onRetry={() => void employees.refetch()} />
      ) : employees.data.length === 0 ? (
        <EmptyState title="No AI employees yet">
          <p>Create one, give it instructions and knowledge, and talk to it in the playground.</p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Employees">
          {employees.data.map((employee) => (
            <EmployeeRow key={employee.id} employee={employee} locale={locale} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function EmployeeRow({ employee, locale }: { employee: Employee; locale: NumberLocale }) {
  return (
    <li className={styles.row}>
      <EmployeeAvatar name={employee.name} url={employee.avatar_url} />
      <div className={styles.rowMain}>
        <Link to={`/employees/${employee.id}`} className={styles.rowName}>
          {employee.name}
        </Link>
        <span className={styles.muted}>{employee.role || 'No role set'}</span>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={employee.status} />
          </dd>
        </div>
        <div>
          <dt>Channels</dt>
          <dd className={styles.muted}>
            {employee.channels.length === 0 ? 'No channels yet' : `${employee.channels.length} connected`}
          </dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>{formatWords(employee.words_this_month, locale)}</dd>
        </div>
      </dl>
    </li>
  );
}
