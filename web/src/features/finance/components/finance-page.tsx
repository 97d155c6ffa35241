import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { Money } from '@/lib/money';
import {
  csvUrl,
  useEmployeeOptions,
  useFinanceSummary,
  useLedger,
  useSetCap,
  useTopChats,
  useUsage,
  type FinanceFilter,
  type FinanceSummary,
  type GroupBy,
  type Usage,
} from '../api/finance-api';
import { parseRoubles, presetPeriod, shortDay, validPeriod, type Preset } from '../utils/period';
import styles from './finance.module.css';

// Readable on light and dark surfaces alike (mid-tone hues).
const PALETTE = ['#4f7cff', '#1fa971', '#e0a100', '#d6457a', '#8b5cf6', '#0ea5e9', '#f97316', '#64748b'];
const CLIENT_COLOR = '#94a3b8';

export interface FinanceViewer {
  locale: 'en' | 'ru';
  timeZone: string;
  /** Staff look at another account read-only. */
  accountId?: number;
  readOnly: boolean;
}

/** /finance: balance and forecast, months, charts, filters, ledger, top chats and caps. */
export function FinancePage({ viewer }: { viewer: FinanceViewer }) {
  const { t } = useTranslation('finance');
  const summary = useFinanceSummary(viewer.accountId);
  return (
    <Page title={t('title')} description={viewer.readOnly ? t('staffView', { id: viewer.accountId ?? '' }) : t('description')}>
      {summary.isError ? (
        <QueryError title={t('loadError')} error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <p className={styles.muted}>{t('loading')}</p>
      ) : (
        <FinanceBody summary={summary.data} viewer={viewer} />
      )}
    </Page>
  );
}

function FinanceBody({ summary, viewer }: { summary: FinanceSummary; viewer: FinanceViewer }) {
  const { t } = useTranslation('finance');
  const today = summary.this_month.to;
  const [preset, setPreset] = useState<Preset>('this_month');
  const [period, setPeriod] = useState(() => presetPeriod('this_month', today));
  const [employeeId, setEmployeeId] = useState('');
  const [channel, setChannel] = useState('');
  const [model, setModel] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('employee');
  const [kind, setKind] = useState('');
  const ok = validPeriod(period.from, period.to);
  const filter: FinanceFilter = { accountId: viewer.accountId, from: period.from, to: period.to, employeeId, channel, model };
  const usage = useUsage(filter, groupBy, ok);
  // The menus list what the period has, unfiltered.
  const base: FinanceFilter = { accountId: viewer.accountId, from: period.from, to: period.to, employeeId: '', channel: '', model: '' };
  const employees = useUsage(base, 'employee', ok);
  const channels = useUsage(base, 'channel', ok);
  const models = useUsage(base, 'model', ok);

  const choosePreset = (next: Preset) => {
    setPreset(next);
    if (next !== 'custom') setPeriod(presetPeriod(next, today));
  };

  return (
    <div className={styles.stack}>
      <Overview summary={summary} />
      <Card title={t('filters')}>
        <div className={styles.row}>
          <label className={styles.field}>
            {t('period')}
            <select className={styles.select} value={preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
              <option value="this_month">{t('presetThisMonth')}</option>
              <option value="last_month">{t('presetLastMonth')}</option>
              <option value="last_7">{t('preset7')}</option>
              <option value="last_30">{t('preset30')}</option>
              <option value="custom">{t('presetCustom')}</option>
            </select>
          </label>
          <label className={styles.field}>
            {t('from')}
            <input type="date" className={styles.input} value={period.from}
              onChange={(e) => { setPreset('custom'); setPeriod({ ...period, from: e.target.value }); }} />
          </label>
          <label className={styles.field}>
            {t('to')}
            <input type="date" className={styles.input} value={period.to}
              onChange={(e) => { setPreset('custom'); setPeriod({ ...period, to: e.target.value }); }} />
          </label>
          <label className={styles.field}>
            {t('employee')}
            <select className={styles.select} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">{t('all')}</option>
              {(employees.data?.keys ?? []).map((k) => <option key={k.key} value={k.key}>{k.label}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            {t('channel')}
            <select className={styles.select} value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">{t('all')}</option>
              {(channels.data?.keys ?? []).map((k) => <option key={k.key} value={k.key}>{k.label}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            {t('model')}
            <select className={styles.select} value={model} onChange={(e) => setModel(e.target.value)}>
              <option value="">{t('all')}</option>
              {(models.data?.keys ?? []).filter((k) => k.key !== '').map((k) => <option key={k.key} value={k.key}>{k.label}</option>)}
            </select>
          </label>
          <label className={styles.field}>
            {t('stackBy')}
            <select className={styles.select} value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="employee">{t('byEmployee')}</option>
              <option value="channel">{t('byChannel')}</option>
              <option value="model">{t('byModel')}</option>
            </select>
          </label>
        </div>
        {ok ? (
          <p className={styles.downloads}>
            <a className={styles.link} href={csvUrl('usage', filter, { group_by: groupBy })} download>{t('downloadUsage')}</a>
            <a className={styles.link} href={csvUrl('ledger', filter, { kind })} download>{t('downloadLedger')}</a>
          </p>
        ) : (
          <p role="alert" className={styles.error}>{t('invalidPeriod')}</p>
        )}
      </Card>
      {ok ? (
        usage.isError ? (
          <QueryError title={t('loadError')} error={usage.error} onRetry={() => void usage.refetch()} />
        ) : usage.data ? (
          <Charts usage={usage.data} viewer={viewer} groupBy={groupBy} />
        ) : (
          <p className={styles.muted}>{t('loading')}</p>
        )
      ) : null}
      {ok ? <TopChats filter={filter} /> : null}
      {ok ? <Ledger filter={filter} kind={kind} setKind={setKind} /> : null}
      <Caps summary={summary} viewer={viewer} />
    </div>
  );
}

function Overview({ summary }: { summary: FinanceSummary }) {
  const { t } = useTranslation('finance');
  const fmt = useFormatters();
  const money = (m: Money) => fmt.money(m);
  const words = (n: number) => fmt.words(n);
  const forecast =
    summary.balance.amount_minor <= 0 ? t('forecastZero')
      : summary.forecast_days === null ? t('forecastNone')
        : t('forecast', { count: summary.forecast_days });
  return (
    <>
      {summary.stopped.length > 0 ? (
        <div className={styles.alert} role="alert">
          <strong>{t('stoppedTitle')}</strong>
          <ul>
            {summary.stopped.map((s) => {
              const name = summary.caps.find((c) => c.employee_id === s.employee_id)?.employee_name ?? '';
              return <li key={`${s.reason}-${s.employee_id ?? 0}`}>{t(`stopped_${s.reason}`, { name })}</li>;
            })}
          </ul>
        </div>
      ) : null}
      <div className={styles.tiles}>
        <section className={styles.tile} aria-label={t('balance')}>
          <p className={styles.tileLabel}>{t('balance')}</p>
          <p className={styles.tileValue} data-testid="finance-balance">{money(summary.balance)}</p>
          <p className={styles.muted} data-testid="finance-forecast">{forecast}</p>
        </section>
        {([['thisMonth', summary.this_month], ['lastMonth', summary.last_month]] as const).map(([key, m]) => (
          <section key={key} className={styles.tile} aria-label={t(key)}>
            <p className={styles.tileLabel}>{t(key)}</p>
            <p className={styles.tileValue}>{money(m.spent)}</p>
            <p className={styles.muted}>
              {`${t('words')}: ${words(m.ai_words)} · ${t('clientWords')}: ${words(m.client_words)}`}
            </p>
          </section>
        ))}
      </div>
    </>
  );
}

function Charts({ usage, viewer, groupBy }: { usage: Usage; viewer: FinanceViewer; groupBy: GroupBy }) {
  const { t } = useTranslation('finance');
  const byLabel = t(groupBy === 'employee' ? 'byEmployee' : groupBy === 'channel' ? 'byChannel' : 'byModel');
  const stacks = usage.keys.filter((k) => !(groupBy === 'model' && k.key === ''));
  const clientName = t('clientWords');
  const spending = usage.days.map((d) => {
    const row: Record<string, string | number> = { day: shortDay(d.day, viewer.locale) };
    for (const k of stacks) row[k.label] = (d.by[k.key]?.cost.amount_minor ?? 0) / 100;
    return row;
  });
  const words = usage.days.map((d) => {
    const row: Record<string, string | number> = { day: shortDay(d.day, viewer.locale) };
    for (const k of stacks) row[k.label] = d.by[k.key]?.ai_words ?? 0;
    row[clientName] = d.client_words;
    return row;
  });
  const zone = t('chartZone', { zone: usage.time_zone });
  const tooltip = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };
  const empty = usage.totals.replies === 0 && usage.totals.client_words === 0;
  const chart = (title: string, label: string, data: Record<string, string | number>[], extra: boolean, testId: string) => (
    <Card title={title} description={zone}>
      {empty ? <p className={styles.muted}>{t('noUsage')}</p> : (
        <div className={styles.chart} role="img" aria-label={label} data-testid={testId}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="day" stroke="var(--text-muted)" fontSize={12} />
              <YAxis stroke="var(--text-muted)" fontSize={12} width={48} />
              <Tooltip contentStyle={tooltip} cursor={{ fill: 'var(--border)' }} />
              <Legend />
              {stacks.map((k, i) => <Bar key={k.key} dataKey={k.label} stackId="ai" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />)}
              {extra ? <Bar dataKey={clientName} fill={CLIENT_COLOR} isAnimationActive={false} /> : null}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
  const vars = { by: byLabel, from: usage.from, to: usage.to };
  return (
    <>
      {chart(`${t('spendingChart')}, ₽`, t('chartLabelSpending', vars), spending, false, 'spending-chart')}
      {chart(t('wordsChart'), t('chartLabelWords', vars), words, true, 'words-chart')}
    </>
  );
}

function TopChats({ filter }: { filter: FinanceFilter }) {
  const { t } = useTranslation('finance');
  const fmt = useFormatters();
  const top = useTopChats(filter, true);
  if (!top.data || top.data.items.length === 0) return null;
  return (
    <Card title={t('topChats')}>
      <div className={styles.tableWrap}>
        <table className={`${styles.table} ${styles.stackedTable}`}>
          <thead>
            <tr><th>{t('chat')}</th><th>{t('employee')}</th><th>{t('channel')}</th><th>{t('words')}</th><th>{t('spent')}</th></tr>
          </thead>
          <tbody>
            {top.data.items.map((c) => (
              <tr key={c.chat_id}>
                <td data-label={t('chat')}><Link to={c.url}>{`#${c.chat_id} · ${c.client_name}`}</Link></td>
                <td data-label={t('employee')}>{c.employee_name}</td>
                <td data-label={t('channel')}>{c.channel}</td>
                <td data-label={t('words')}>{fmt.words(c.ai_words)}</td>
                <td data-label={t('spent')}>{fmt.money(c.spent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Ledger({ filter, kind, setKind }: {
  filter: FinanceFilter; kind: string; setKind: (k: string) => void;
}) {
  const { t } = useTranslation('finance');
  const fmt = useFormatters();
  const money = (m: Money) => fmt.money(m);
  const ledger = useLedger(filter, kind, true);
  return (
    <Card title={t('ledger')} description={t('ledgerDescription')}>
      <div className={styles.row}>
        <label className={styles.field}>
          {t('kind')}
          <select className={styles.select} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('all')}</option>
            <option value="charge">{t('kindCharge')}</option>
            <option value="top_up">{t('kindTopUp')}</option>
          </select>
        </label>
      </div>
      {ledger.isError ? <QueryError title={t('loadError')} error={ledger.error} onRetry={() => void ledger.refetch()} /> : null}
      <div className={styles.tableWrap}>
        <table className={`${styles.table} ${styles.stackedTable}`} aria-label={t('ledger')}>
          <thead>
            <tr><th>{t('date')}</th><th>{t('kind')}</th><th>{t('amount')}</th><th>{t('words')}</th><th>{t('note')}</th></tr>
          </thead>
          <tbody>
            {(ledger.data?.items ?? []).map((e) => (
              <tr key={e.id} data-testid="ledger-row">
                <td data-label={t('date')} className={styles.nowrapCell}>{fmt.dateTime(e.created_at)}</td>
                <td data-label={t('kind')}>{e.kind === 'charge' ? t('kindCharge') : t('kindTopUp')}</td>
                <td data-label={t('amount')} className={styles.nowrapCell}>{money(e.amount)}</td>
                <td data-label={t('words')}>{e.kind === 'charge' ? e.words : ''}</td>
                <td data-label={t('note')} className={styles.wrapCell}>
                  {e.message_url ? <Link to={e.message_url} aria-label={`${t('openMessage')}: ${e.note}`}>{e.note}</Link> : e.note}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Caps({ summary, viewer }: { summary: FinanceSummary; viewer: FinanceViewer }) {
  const { t } = useTranslation('finance');
  const employees = useEmployeeOptions(!viewer.readOnly);
  const rows: { scope: string; name: string }[] = [
    { scope: 'account', name: t('accountCap') },
    ...(employees.data ?? []).map((e) => ({ scope: String(e.id), name: e.name })),
  ];
  return (
    <Card title={t('caps')} description={t('capsDescription')}>
      <ul className={styles.caps}>
        {rows.map((r) => {
          const cap = summary.caps.find((c) => (r.scope === 'account' ? c.employee_id === null : String(c.employee_id) === r.scope));
          return <CapRow key={r.scope} scope={r.scope} name={r.name} cap={cap} viewer={viewer} />;
        })}
      </ul>
    </Card>
  );
}

function CapRow({ scope, name, cap, viewer }: {
  scope: string; name: string; cap: FinanceSummary['caps'][number] | undefined; viewer: FinanceViewer;
}) {
  const { t } = useTranslation('finance');
  const fmt = useFormatters();
  const [text, setText] = useState(cap ? (cap.monthly_cap.amount_minor / 100).toFixed(2) : '');
  const [problem, setProblem] = useState('');
  const save = useSetCap();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseRoubles(text);
    if (minor === null || minor < 1 || minor > 100_000_000_000) {
      setProblem(t('capInvalid'));
      return;
    }
    setProblem('');
    save.mutate({ scope, minor });
  };
  const status = cap
    ? t('capSpent', { spent: fmt.money(cap.spent_this_month), cap: fmt.money(cap.monthly_cap) })
    : t('noCap');
  return (
    <li className={styles.capRow} data-testid={`cap-${scope}`}>
      <div>
        <p className={styles.capName}>{name}</p>
        <p className={cap?.reached ? styles.error : styles.muted}>{status}</p>
      </div>
      {viewer.readOnly ? null : (
        <form className={styles.row} onSubmit={submit}>
          <label className={styles.field}>
            <span className="visually-hidden">{t('capFor', { name })}</span>
            <input className={styles.input} inputMode="decimal" value={text} placeholder={t('capAmount')}
              onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className={styles.button} disabled={save.isPending}>{t('saveCap')}</button>
          {cap ? (
            <button type="button" className={styles.buttonQuiet} disabled={save.isPending}
              onClick={() => { setText(''); save.mutate({ scope, minor: null }); }}>{t('removeCap')}</button>
          ) : null}
          {problem ? <p role="alert" className={styles.error}>{problem}</p> : null}
          {save.isError ? <p role="alert" className={styles.error}>{save.error.message}</p> : null}
        </form>
      )}
    </li>
  );
}

