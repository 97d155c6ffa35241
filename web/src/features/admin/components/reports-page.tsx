import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useReport, useSlaSettings, type ReportGroup, type ReportRow } from '../api/admin-api';
import { chartScale, dateIn, formatDuration, formatShare, lastDays, rangeProblem, reportCsvUrl } from '../utils/report-format';
import styles from './admin.module.css';

const GROUPS = [
  { value: 'category', label: 'reports.groupCategory' },
  { value: 'agent', label: 'reports.groupAgent' },
  { value: 'week', label: 'reports.groupWeek' },
] as const satisfies readonly { value: ReportGroup; label: string }[];

const CATEGORIES = ['critical', 'question', 'feature_request'] as const;

function isCategory(key: string): key is (typeof CATEGORIES)[number] {
  return (CATEGORIES as readonly string[]).includes(key);
}

function ReportView({ from, to, group }: { from: string; to: string; group: ReportGroup }) {
  const { t } = useTranslation(['admin', 'console']);
  const fmt = useFormatters();
  const report = useReport(from, to, group);
  if (report.isError) return <QueryError title={t('reports.loadFailed')} error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <p className={styles.muted}>{t('loading')}</p>;
  const rows = report.data.rows;
  // The server names rows in English; the row's key says what it is.
  const rowLabel = (r: ReportRow): string => {
    if (r.key === 'total') return t('reports.total');
    if (group === 'category' && isCategory(r.key)) return t(`console:type.${r.key}`);
    if (group === 'agent' && r.key === 'none') return t('reports.noReply');
    if (group === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(r.key)) return t('reports.weekOf', { date: fmt.date(`${r.key}T12:00:00Z`) });
    return r.label;
  };
  const groupEntry = GROUPS.find((g) => g.value === group);
  const groupLabel = groupEntry ? t(groupEntry.label) : '';
  const scale = chartScale(Math.max(0, ...rows.flatMap((r) => [r.first_response.median_seconds ?? 0, r.resolution.median_seconds ?? 0])));
  const unit = t(`reports.unit.${scale.unit}`);
  const firstName = t('reports.firstSeries', { unit });
  const resolutionName = t('reports.resolutionSeries', { unit });
  const inUnit = (seconds: number | null) => (seconds === null ? 0 : +(seconds / scale.seconds).toFixed(2));
  const chart = rows.map((r) => ({
    label: rowLabel(r),
    [firstName]: inUnit(r.first_response.median_seconds),
    [resolutionName]: inUnit(r.resolution.median_seconds),
  }));
  return (
    <div className={styles.stack}>
      <Card title={t('reports.medianTitle')} description={t('reports.medianDescription')}>
        {rows.length === 0 ? <p className={styles.muted}>{t('reports.empty')}</p> : (
          <div className={styles.chart} role="img" aria-label={t('reports.chartLabel', { group: groupLabel, unit })}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="label" stroke="var(--text-muted)" fontSize={12} />
                <YAxis stroke="var(--text-muted)" fontSize={12} width={40} />
                <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
                <Legend />
                <Bar dataKey={firstName} fill="var(--accent)" />
                <Bar dataKey={resolutionName} fill="var(--success)" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
      <Card title={t('reports.figures')}>
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.stackedTable}`}>
            <thead>
              <tr>
                <th>{groupLabel}</th>
                <th>{t('reports.tickets')}</th>
                <th>
                  {t('reports.firstResponse')} <span className={styles.sub}>{t('reports.medianAverage')}</span>
                </th>
                <th>
                  {t('reports.resolution')} <span className={styles.sub}>{t('reports.medianAverage')}</span>
                </th>
                <th>{t('reports.targetsMet')}</th>
              </tr>
            </thead>
            <tbody>
              {[...rows, report.data.total].map((r) => (
                <tr key={r.key}>
                  <td data-label={groupLabel}>{r.key === 'total' ? <strong>{rowLabel(r)}</strong> : rowLabel(r)}</td>
                  <td data-label={t('reports.tickets')}>{fmt.number(r.tickets)}</td>
                  <td data-label={t('reports.firstResponse')}>
                    {t('reports.pair', {
                      median: formatDuration(r.first_response.median_seconds),
                      average: formatDuration(r.first_response.average_seconds),
                    })}
                  </td>
                  <td data-label={t('reports.resolution')}>
                    {t('reports.pair', {
                      median: formatDuration(r.resolution.median_seconds),
                      average: formatDuration(r.resolution.average_seconds),
                    })}
                  </td>
                  <td data-label={t('reports.targetsMet')}>
                    <span>
                      {formatShare(r.sla.share)}{' '}
                      <span className={styles.nowrap}>{t('reports.metOf', { met: r.sla.met, measured: r.sla.measured })}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

/** /support/reports: response and resolution times and targets met, with CSV export. */
export function ReportsPage() {
  const { t } = useTranslation('admin');
  // Report dates are days of the business zone; "today" must be that zone's today.
  const settings = useSlaSettings();
  if (settings.isPending) {
    return (
      <Page title={t('titles.reports')}>
        <p className={styles.muted}>{t('loading')}</p>
      </Page>
    );
  }
  return <ReportsForm today={dateIn(new Date(), settings.data?.time_zone ?? 'UTC')} />;
}

function ReportsForm({ today }: { today: string }) {
  const { t } = useTranslation('admin');
  const initial = lastDays(today, 30);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [group, setGroup] = useState<ReportGroup>('category');
  const problem = rangeProblem(from, to);
  return (
    <Page title={t('titles.reports')} description={t('reports.description')}>
      <div className={styles.stack}>
        <div className={styles.row}>
          <label className={styles.field}>
            {t('reports.from')}
            <input type="date" className={styles.input} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className={styles.field}>
            {t('reports.to')}
            <input type="date" className={styles.input} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className={styles.field}>
            {t('reports.groupBy')}
            <select className={styles.select} value={group} onChange={(e) => setGroup(e.target.value as ReportGroup)}>
              {GROUPS.map((g) => <option key={g.value} value={g.value}>{t(g.label)}</option>)}
            </select>
          </label>
          {problem ? null : (
            <a className={styles.link} href={reportCsvUrl(from, to, group)} download>
              {t('reports.csv')}
            </a>
          )}
        </div>
        {problem ? <p role="alert" className={styles.error}>{problem}</p> : <ReportView from={from} to={to} group={group} />}
      </div>
    </Page>
  );
}
