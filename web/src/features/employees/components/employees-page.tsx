import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useEmployeeList } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import { EmployeeAvatar } from './employee-avatar';
import { StatusBadge } from './status-badge';
import styles from './employees.module.css';

export interface EmployeesPageProps {
  /** The account's balance, beside the list. */
  balance?: ReactNode;
}

/** The AI Employees section: every employee with its status, channels and words this month. */
export function EmployeesPage({ balance }: EmployeesPageProps) {
  const { t } = useTranslation('employees');
  const employees = useEmployeeList();
  return (
    <Page title={t('title')} description={t('description')}>
      <div className={styles.toolbar}>
        {balance}
        <ButtonLink to="/employees/new">{t('list.new')}</ButtonLink>
      </div>
      {employees.isPending ? (
        <p role="status" className={styles.muted}>
          {t('list.loading')}
        </p>
      ) : employees.isError ? (
        <QueryError title={t('list.loadFailed')} error={employees.error} onRetry={() => void employees.refetch()} />
      ) : employees.data.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          <p>{t('list.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('list.label')}>
          {employees.data.map((employee) => (
            <EmployeeRow key={employee.id} employee={employee} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function EmployeeRow({ employee }: { employee: Employee }) {
  const { t } = useTranslation('employees');
  const fmt = useFormatters();
  return (
    <li className={styles.row}>
      <EmployeeAvatar name={employee.name} url={employee.avatar_url} />
      <div className={styles.rowMain}>
        <Link to={`/employees/${employee.id}`} className={styles.rowName}>
          {employee.name}
        </Link>
        <span className={styles.muted}>{employee.role || t('list.noRole')}</span>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('list.status')}</dt>
          <dd>
            <StatusBadge status={employee.status} />
          </dd>
        </div>
        <div>
          <dt>{t('list.channels')}</dt>
          <dd className={styles.muted}>
            {employee.channels.length === 0
              ? t('list.noChannels')
              : t('list.channelsConnected', { count: employee.channels.length })}
          </dd>
        </div>
        <div>
          <dt>{t('list.thisMonth')}</dt>
          <dd>{fmt.words(employee.words_this_month)}</dd>
        </div>
      </dl>
    </li>
  );
}
