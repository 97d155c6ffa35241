import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
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
  /** The Playground tab's content, composed by the app (it is a chat). */
  renderPlayground: (employee: Employee) => ReactNode;
}

const TABS: { tab: EmployeeTab; suffix: string }[] = [
  { tab: 'settings', suffix: '' },
  { tab: 'knowledge', suffix: '/knowledge' },
  { tab: 'playground', suffix: '/playground' },
];

/** One employee: who it is, its switches, and its Settings / Knowledge / Playground. */
export function EmployeePage({ employeeId, tab, renderPlayground }: EmployeePageProps) {
  const { t } = useTranslation('employees');
  const fmt = useFormatters();
  const employee = useEmployee(employeeId ?? 0, { enabled: employeeId !== null });
  useDocumentTitle(employee.data ? employee.data.name : t('page.documentTitle'));

  if (employeeId === null || (employee.isError && isApiError(employee.error) && employee.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <h1>{t('page.notFoundTitle')}</h1>
        <p>{t('page.notFoundBody')}</p>
        <Link to="/employees">{t('page.backToList')}</Link>
      </div>
    );
  }
  if (employee.isPending) {
    return (
      <p role="status" className={styles.muted}>
        {t('page.loading')}
      </p>
    );
  }
  if (employee.isError) {
    return <QueryError title={t('page.loadFailed')} error={employee.error} onRetry={() => void employee.refetch()} />;
  }

  const data = employee.data;
  const base = `/employees/${data.id}`;
  return (
    <div className={styles.employeePage}>
      <Link to="/employees" className={styles.back}>
        ← {t('page.back')}
      </Link>
      <header className={styles.header}>
        <EmployeeAvatar name={data.name} url={data.avatar_url} size={56} />
        <div className={styles.headerText}>
          <h1 className={styles.title}>{data.name}</h1>
          <p className={styles.headerMeta}>
            {data.role ? <span>{data.role}</span> : null}
            <StatusBadge status={data.status} />
            <span>{t('page.knowledgeCount', { count: data.knowledge_count })}</span>
            <span>{t('page.wordsThisMonth', { words: fmt.words(data.words_this_month) })}</span>
          </p>
        </div>
        <EmployeeSwitches employee={data} />
      </header>
      <nav aria-label={t('page.sections')} className={styles.tabs}>
        {TABS.map((item) => (
          <NavLink
            key={item.tab}
            to={`${base}${item.suffix}`}
            end
            className={({ isActive }) => [styles.tab, isActive ? styles.tabActive : ''].join(' ')}
          >
            {t(`tabs.${item.tab}`)}
          </NavLink>
        ))}
      </nav>
      {tab === 'settings' ? <SettingsPanel key={data.updated_at} employee={data} /> : null}
      {tab === 'knowledge' ? <KnowledgePanel employeeId={data.id} /> : null}
      {tab === 'playground' ? renderPlayground(data) : null}
    </div>
  );
}

function EmployeeSwitches({ employee }: { employee: Employee }) {
  const { t } = useTranslation('employees');
  const update = useUpdateEmployee();
  const paused = employee.status === 'paused';
  return (
    <div className={styles.switches}>
      <FormAlert message={update.isError ? t('page.statusFailed', { message: update.error.message }) : null} />
      <Button
        variant="secondary"
        loading={update.isPending}
        onClick={() => update.mutate({ id: employee.id, patch: { status: paused ? 'active' : 'paused' } })}
      >
        {paused ? t('page.resume') : t('page.pause')}
      </Button>
      <DeleteEmployeeControl employee={employee} />
    </div>
  );
}
