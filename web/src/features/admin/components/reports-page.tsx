import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useReport, useSlaSettings, type ReportGroup } from '../api/admin-api';
import { chartScale, dateIn, formatDuration, formatShare, lastDays, rangeProblem, reportCsvUrl } from '../utils/report-format';
import styles from './admin.module.css';

const GROUPS: { value: ReportGroup; label: string }[] = [
  { value: 'category', label: 'Request type' },
  { value: 'agent', label: 'Agent' },
  { value: 'week', label: 'Week' },
];

function ReportView({ from, to, group }: { from: string; to: string; group: ReportGroup }) {
  const report = useReport(from, to, group);
  if (report.isError) return <QueryError title="Could not load the report" error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <p className={styles.muted}>Loading…</p>;
  const rows = report.data.rows;
  const groupLabel = GROUPS.find((g) => g.value === group)?.label ?? '';
  const scale = chartScale(Math.max(0, ...rows.flatMap((r) => [r.first_response.median_seconds ?? 0, r.resolution.median_seconds ?? 0])));
  const firstName = `First response (${scale.unit})`;
  const resolutionName = `Resolution (${scale.unit})`;
  const inUnit = (seconds: number | null) => (seconds === null ? 0 : +(seconds / scale.seconds).toFixed(2));
  const chart = rows.map((r) => ({
    label: r.label,
    [firstName]: inUnit(r.first_response.median_seconds),
    [resolutionName]: inUnit(r.resolution.median_seconds),
  }));
  return (
    <div className={styles.stack}>
      <Card title="Median times" description="From creation to the first team reply and to closing; tickets without one count as 0">
        {rows.length === 0 ? <p className={styles.muted}>No tickets were created in this range.</p> : (
          <div className={styles.chart} role="img" aria-label={`Bar chart of median first-response and resolution times by ${group}, in ${scale.unit}`}>
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
      <Card title="Figures">
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.stackedTable}`}>
            <thead>
              <tr>
                <th>{groupLabel}</th><th>Tickets</th>
                <th>First response <span className={styles.sub}>median / average</span></th>
                <th>Resolution <span className={styles.sub}>median / average</span></th>
                <th>Targets met</th>
              </tr>
            </thead>
            <tbody>
              {[...rows, report.data.total].map((r) => (
                <tr key={r.key}>
                  <td data-label={groupLabel}>{r.key === 'total' ? <strong>{r.label}</strong> : r.label}</td>
                  <td data-label="Tickets">{r.tickets}</td>
                  <td data-label="First response">
                    {`${formatDuration(r.first_response.median_seconds)} / ${formatDuration(r.first_response.average_seconds)}`}
                  </td>
                  <td data-label="Resolution">
                    {`${formatDuration(r.resolution.median_seconds)} / ${formatDuration(r.resolution.average_seconds)}`}
                  </td>
                  <td data-label="Targets met">
                    <span>{formatShare(r.sla.share)} <span className={styles.nowrap}>({r.sla.met} of {r.sla.measured})</span></span>
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
  // Report dates are days of the business zone; "today" must be that zone's today.
  const settings = useSlaSettings();
  if (settings.isPending) return <Page title="Support reports"><p className={styles.muted}>Loading…</p></Page>;
  return <ReportsForm today={dateIn(new Date(), settings.data?.time_zone ?? 'UTC')} />;
}

function ReportsForm({ today }: { today: string }) {
  const initial = lastDays(today, 30);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [group, setGroup] = useState<ReportGroup>('category');
  const problem = rangeProblem(from, to);
  return (
    <Page title="Support reports" description="Tickets created in the range, dates in the business time zone.">
      <div className={styles.stack}>
        <div className={styles.row}>
          <label className={styles.field}>
            From
            <input type="date" className={styles.input} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className={styles.field}>
            To
            <input type="date" className={styles.input} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className={styles.field}>
            Group by
            <select className={styles.select} value={group} onChange={(e) => setGroup(e.target.value as ReportGroup)}>
              {GROUPS.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
            </select>
          </label>
          {problem ? null : (
            <a className={styles.link} href={reportCsvUrl(from, to, group)} download>
              Download CSV
            </a>
          )}
        </div>
        {problem ? <p role="alert" className={styles.error}>{problem}</p> : <ReportView from={from} to={to} group={group} />}
      </div>
    </Page>
  );
}
