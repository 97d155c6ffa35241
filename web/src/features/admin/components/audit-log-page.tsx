import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useAuditLog, type AuditFilters } from '../api/admin-api';
import styles from './admin.module.css';

const ACTIONS = [
  'ticket.closed',
  'ticket.assigned',
  'chat.read',
  'staff.created',
  'staff.deactivated',
  'staff.activated',
  'sla_settings.updated',
  'calendar.updated',
];

/** /admin/audit-log: what staff did, newest first, with filters. */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({ action: '', actorId: '', ticketId: '' });
  const log = useAuditLog(filters);
  return (
    <Page title="Audit log" description="Staff actions, newest first. Entries are never changed.">
      <div className={styles.stack}>
        <div className={styles.row} role="search" aria-label="Filter the audit log">
          <label className={styles.field}>
            Action
            <select className={styles.select} value={filters.action}
              onChange={(e) => setFilters({ ...filters, action: e.target.value })}>
              <option value="">All actions</option>
              {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            Actor id
            <input className={styles.input} inputMode="numeric" value={filters.actorId} size={8}
              onChange={(e) => setFilters({ ...filters, actorId: e.target.value.replace(/\D/g, '') })} />
          </label>
          <label className={styles.field}>
            Ticket #
            <input className={styles.input} inputMode="numeric" value={filters.ticketId} size={8}
              onChange={(e) => setFilters({ ...filters, ticketId: e.target.value.replace(/\D/g, '') })} />
          </label>
        </div>
        <Card title="Entries">
          {log.isError ? <QueryError title="Could not load the audit log" error={log.error} onRetry={() => void log.refetch()} /> : null}
          {log.data && log.data.items.length === 0 ? <p className={styles.muted}>No entries match.</p> : null}
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stackedTable}`}>
              <thead>
                <tr><th>When</th><th>Who</th><th>Action</th><th>About</th><th>Details</th></tr>
              </thead>
              <tbody>
                {(log.data?.items ?? []).map((e) => (
                  <tr key={e.id}>
                    <td data-label="When" className={styles.muted}>{new Date(e.created_at).toLocaleString()}</td>
                    <td data-label="Who">{e.actor.name}</td>
                    <td data-label="Action"><code>{e.action}</code></td>
                    <td data-label="About">
                      {[e.ticket_id ? `ticket #${e.ticket_id}` : '', e.target_user_id ? `user ${e.target_user_id}` : '',
                        e.chat_id ? `chat ${e.chat_id}` : ''].filter(Boolean).join(', ') || '—'}
                    </td>
                    <td data-label="Details" className={styles.details}>
                      <div>
                        {Object.entries(e.details).map(([k, v]) => (
                          <div key={k}><span className={styles.detailKey}>{k}:</span> {v}</div>
                        ))}
                      </div>
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
