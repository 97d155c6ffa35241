import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateStaff, useSetStaffActive, useStaff, type NewStaff } from '../api/admin-api';
import styles from './admin.module.css';

const EMPTY: NewStaff = { email: '', name: '', password: '', role: 'staff' };

/** /admin/staff: admins create staff users and switch them on and off. */
export function StaffPage({ selfId }: { selfId: number }) {
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
        setCreated(`${user.name} can now sign in.`);
        setForm(EMPTY);
      },
    });
  };

  return (
    <Page title="Staff" description="Create support staff and admins; deactivated users cannot sign in.">
      <div className={styles.stack}>
        <Card title="New staff user">
          <form className={styles.stack} onSubmit={submit} aria-label="New staff user">
            <div className={styles.formGrid}>
              <TextField label="Name" value={form.name} required error={fieldError('name')}
                onChange={(e) => setForm({ ...form, name: e.target.value })} />
              <TextField label="Email" type="email" value={form.email} required error={fieldError('email')}
                onChange={(e) => setForm({ ...form, email: e.target.value })} />
              <TextField label="Password" type="password" autoComplete="new-password" value={form.password} required
                minLength={8} error={fieldError('password')} hint="At least 8 characters"
                onChange={(e) => setForm({ ...form, password: e.target.value })} />
              <label className={styles.field}>
                Role
                <select className={styles.select} value={form.role}
                  onChange={(e) => setForm({ ...form, role: e.target.value === 'admin' ? 'admin' : 'staff' })}>
                  <option value="staff">Staff</option>
                  <option value="admin">Admin</option>
                </select>
              </label>
            </div>
            <div className={styles.row}>
              <Button type="submit" loading={create.isPending}>Create user</Button>
            </div>
            {create.isError && !fieldError('name') && !fieldError('email') && !fieldError('password') ? (
              <p role="alert" className={styles.error}>{create.error.message}</p>
            ) : null}
            {created ? <p role="status" className={styles.success}>{created}</p> : null}
          </form>
        </Card>
        <Card title="Team">
          {staff.isError ? <QueryError title="Could not load the team" error={staff.error} onRetry={() => void staff.refetch()} /> : null}
          {setActive.isError ? <p role="alert" className={styles.error}>{setActive.error.message}</p> : null}
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stackedTable}`}>
              <thead>
                <tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th>Last sign-in</th><th><span className="visually-hidden">Action</span></th></tr>
              </thead>
              <tbody>
                {(staff.data?.items ?? []).map((u) => (
                  <tr key={u.id}>
                    <td data-label="Name">{u.name}</td>
                    <td data-label="Email">{u.email}</td>
                    <td data-label="Role">{u.role === 'admin' ? 'Admin' : 'Staff'}</td>
                    <td data-label="Status">{u.active ? 'Active' : 'Deactivated'}</td>
                    <td data-label="Last sign-in" className={styles.muted}>{u.last_login_at ? new Date(u.last_login_at).toLocaleString() : 'Never'}</td>
                    <td data-label="Action">
                      {u.id === selfId ? <span className={styles.muted}>You</span> : (
                        <Button variant="secondary" loading={setActive.isPending && setActive.variables.id === u.id}
                          aria-label={`${u.active ? 'Deactivate' : 'Activate'} ${u.name}`}
                          onClick={() => setActive.mutate({ id: u.id, active: !u.active })}>
                          {u.active ? 'Deactivate' : 'Activate'}
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
