import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
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
] as const;

/** /admin/audit-log: what staff did, newest first, with filters. */
export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const fmt = useFormatters();
  const [filters, setFilters] = useState<AuditFilters>({ action: '', actorId: '', ticketId: '' });
  const log = useAuditLog(filters);
  return (
    <Page title={t('titles.audit')} description={t('audit.description')}>
      <div className={styles.stack}>
        <div className={styles.row} role="search" aria-label={t('audit.filterLabel')}>
          <label className={styles.field}>
            {t('audit.action')}
            <select className={styles.select} value={filters.action}
              onChange={(e) => setFilters({ ...filters, action: e.target.value })}>
              <option value="">{t('audit.allActions')}</option>
              {ACTIONS.map((a) => <option key={a} value={a}>{t(`audit.actions.${a}`)}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            {t('audit.actor')}
            <input className={styles.input} inputMode="numeric" value={filters.actorId} size={8}
              onChange={(e) => setFilters({ ...filters, actorId: e.target.value.replace(/\D/g, '') })} />
          </label>
          <label className={styles.field}>
            {t('audit.ticket')}
            <input className={styles.input} inputMode="numeric" value={filters.ticketId} size={8}
              onChange={(e) => setFilters({ ...filters, ticketId: e.target.value.replace(/\D/g, '') })} />
          </label>
        </div>
        <Card title={t('audit.entries')}>
          {log.isError ? <QueryError title={t('audit.loadFailed')} error={log.error} onRetry={() => void log.refetch()} /> : null}
          {log.data && log.data.items.length === 0 ? <p className={styles.muted}>{t('audit.empty')}</p> : null}
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stackedTable}`}>
              <thead>
                <tr>
                  <th>{t('audit.when')}</th>
                  <th>{t('audit.who')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.about')}</th>
                  <th>{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {(log.data?.items ?? []).map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('audit.when')} className={styles.muted}>
                      <time dateTime={e.created_at} title={fmt.fullDateTime(e.created_at)}>{fmt.dateTime(e.created_at)}</time>
                    </td>
                    <td data-label={t('audit.who')}>{e.actor.name}</td>
                    <td data-label={t('audit.action')}><code>{e.action}</code></td>
                    <td data-label={t('audit.about')}>
                      {[
                        e.ticket_id ? t('audit.aboutTicket', { id: e.ticket_id }) : '',
                        e.target_user_id ? t('audit.aboutUser', { id: e.target_user_id }) : '',
                        e.chat_id ? t('audit.aboutChat', { id: e.chat_id }) : '',
                      ].filter(Boolean).join(', ') || '—'}
                    </td>
                    <td data-label={t('audit.details')} className={styles.details}>
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
