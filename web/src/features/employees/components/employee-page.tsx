import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { formatWords, type NumberLocale } from '@/lib/money';
import { useEmployee, useUpdateEmployee } from '../api/employees';
import type { Employee } from '../api/employee-schemas';
import { DeleteEmployeeControl } from './delete-employee-control';
import { EmployeeAvatar } from './employee-avatar';
import { KnowledgePanel } from './knowledge-panel';
import { SettingsPanel } from './settings-panel';
import { StatusBadge } from './status-badge';
import styles from './employees.module.css';

export type EmployeeTab = 'settings' | 'knowledge' | 'playground';

export interface EmployeePageProps {
  /** null when the address names no employee. */
  employeeId: number | null;
  tab: EmployeeTab;
  locale: NumberLocale;
  /** The Playground tab's content, composed by the app (it is a chat). */
  renderPlayground: (employee: Employee) => ReactNode;
}

const TABS: { tab: EmployeeTab; label: string; suffix: string }[] = [
  { tab: 'settings', label: 'Settings', suffix: '' },
  { tab: 'knowledge', label: 'Knowledge', suffix: '/knowledge' },
  { tab: 'playground', label: 'Playground', suffix: '/playground' },
];

/** One employee: who it is, its switches, and its Settings / Knowledge / Playground. */
export function EmployeePage({ employeeId, tab, locale, renderPlayground }: EmployeePageProps) {
  const employee = useEmployee(employeeId ?? 0, { enabled: employeeId !== null });
  useDocumentTitle(employee.data ? employee.data.name : 'AI employee');

  if (employeeId === null || (employee.isError && isApiError(employee.error) && employee.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <h1>Employee not found</h1>
        <p>It does not exist, was deleted, or belongs to another account. Chats with a deleted employee stay in Chats.</p>
        <Link to="/employees">Back to AI Employees</Link>
      </div>
    );
  }
  if (employee.isPending) {
    return (
      <p role="status" className={styles.muted}>
        Loading the employee…
      </p>
    );
  }
  if (employee.isError) {
    return <QueryError title="Could not load the employee" error={employee.error} onRetry={() => void employee.refetch()} />;
  }

  const data = employee.data;
  const base = `/employees/${data.id}`;
  return (
    <div className={styles.employeePage}>
      <Link to="/employees" className={styles.back}>
        ← AI Employees
      </Link>
      <header className={styles.header}>
        <EmployeeAvatar name={data.name} url={data.avatar_url} size={56} />
        <div className={styles.headerText}>
          <h1 className={styles.title}>{data.name}</h1>
          <p className={styles.headerMeta}>
            {data.role ? <span>{data.role}</span> : null}
            <StatusBadge status={data.status} />
            <span>{`${data.knowledge_count} knowledge ${data.knowledge_count === 1 ? 'item' : 'items'}`}</span>
            <span>{`${formatWords(data.words_this_month, locale)} this month`}</span>
          </p>
        </div>
        <EmployeeSwitches employee={data} />
      </header>
      <nav aria-label="Employee sections" className={styles.tabs}>
        {TABS.map((item) => (
          <NavLink
            key={item.tab}
            to={`${base}${item.suffix}`}
            end
            className={({ isActive }) => [styles.tab, isActive ? styles.tabActive : ''].join(' ')}
          >
            {item.label}
          </NavLink>
        ))}
      </nav>
      {tab === 'settings' ? <SettingsPanel key={data.updated_at} employee={data} locale={locale} /> : null}
      {tab === 'knowledge' ? <KnowledgePanel employeeId={data.id} /> : null}
      {tab === 'playground' ? renderPlayground(data) : null}
    </div>
  );
}

function EmployeeSwitches({ employee }: { employee: Employee }) {
  const update = useUpdateEmployee();
  const paused = employee.status === 'paused';
  return (
    <div className={styles.switches}>
      <FormAlert message={update.isError ? `Could not change the status: ${update.error.message}` : null} />
      <Button
        variant="secondary"
        loading={update.isPending}
        onClick={() => update.mutate({ id: employee.id, patch: { status: paused ? 'active' : 'paused' } })}
      >
        {paused ? 'Resume' : 'Pause'}
      </Button>
      <DeleteEmployeeControl employee={employee} />
    </div>
  );
}
