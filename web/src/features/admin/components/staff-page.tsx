import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useCreateStaff, useSetStaffActive, useStaff, type NewStaff } from '../api/admin-api';
import styles from './admin.module.css';

const EMPTY: NewStaff = { email: '', name: '', password: '', role: 'staff' };

/** /admin/staff: admins create staff users and switch them on and off. */
export function StaffPage({ selfId }: { selfId: number }) {
  const { t } = useTranslation('admin');
  const fmt = useFormatters();
  const staff = useStaff();
  const create = useCreateStaff();
  const setActive = useSetStaffActive();
  const [form, setForm] = useState<NewStaff>(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const fieldError = (field: string) =>
    isApiError(create.error) && create.error.field === field ? create.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate(form, {
      onSuccess: ({ user }) => {
        setCreated(t('staff.created', { name: user.name }));
        setForm(EMPTY);
      },
    });
  };

  return (
    <Page title={t('titles.staff')} description={t('staff.description')}>
      <div className={styles.stack}>
        <Card title={t('staff.newTitle')}>
          <form className={styles.stack} onSubmit={submit} aria-label={t('staff.newTitle')}>
            <div className={styles.formGrid}>
              <TextField label={t('staff.name')} value={form.name} required error={fieldError('name')}
                onChange={(e) => setForm({ ...form, name: e.target.value })} />
              <TextField label={t('staff.email')} type="email" value={form.email} required error={fieldError('email')}
                onChange={(e) => setForm({ ...form, email: e.target.value })} />
              <TextField label={t('staff.password')} type="password" autoComplete="new-password" value={form.password} required
                minLength={8} error={fieldError('password')} hint={t('staff.passwordHint', { count: 8 })}
                onChange={(e) => setForm({ ...form, password: e.target.value })} />
              <label className={styles.field}>
                {t('staff.role')}
                <select className={styles.select} value={form.role}
                  onChange={(e) => setForm({ ...form, role: e.target.value === 'admin' ? 'admin' : 'staff' })}>
                  <option value="staff">{t('staff.roleStaff')}</option>
                  <option value="admin">{t('staff.roleAdmin')}</option>
                </select>
              </label>
            </div>
            <div className={styles.row}>
              <Button type="submit" loading={create.isPending}>{t('staff.create')}</Button>
            </div>
            {create.isError && !fieldError('name') && !fieldError('email') && !fieldError('password') ? (
              <p role="alert" className={styles.error}>{create.error.message}</p>
            ) : null}
            {created ? <p role="status" className={styles.success}>{created}</p> : null}
          </form>
        </Card>
        <Card title={t('staff.team')}>
          {staff.isError ? <QueryError title={t('staff.loadFailed')} error={staff.error} onRetry={() => void staff.refetch()} /> : null}
          {setActive.isError ? <p role="alert" className={styles.error}>{setActive.error.message}</p> : null}
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stackedTable}`}>
              <thead>
                <tr>
                  <th>{t('staff.name')}</th>
                  <th>{t('staff.email')}</th>
                  <th>{t('staff.role')}</th>
                  <th>{t('staff.status')}</th>
                  <th>{t('staff.lastSignIn')}</th>
                  <th><span className="visually-hidden">{t('staff.action')}</span></th>
                </tr>
              </thead>
              <tbody>
                {(staff.data?.items ?? []).map((u) => (
                  <tr key={u.id}>
                    <td data-label={t('staff.name')}>{u.name}</td>
                    <td data-label={t('staff.email')}>{u.email}</td>
                    <td data-label={t('staff.role')}>{u.role === 'admin' ? t('staff.roleAdmin') : t('staff.roleStaff')}</td>
                    <td data-label={t('staff.status')}>{u.active ? t('staff.active') : t('staff.deactivated')}</td>
                    <td data-label={t('staff.lastSignIn')} className={styles.muted}>
                      {u.last_login_at ? fmt.dateTime(u.last_login_at) : t('staff.never')}
                    </td>
                    <td data-label={t('staff.action')}>
                      {u.id === selfId ? <span className={styles.muted}>{t('staff.you')}</span> : (
                        <Button variant="secondary" loading={setActive.isPending && setActive.variables.id === u.id}
                          aria-label={u.active ? t('staff.deactivateName', { name: u.name }) : t('staff.activateName', { name: u.name })}
                          onClick={() => setActive.mutate({ id: u.id, active: !u.active })}>
                          {u.active ? t('staff.deactivate') : t('staff.activate')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </Page>
  );
}
