import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import {
  useCalendar,
  useSaveSlaSettings,
  useSetCalendarDay,
  useSlaSettings,
  type CalendarDay,
  type RequestTypeKey,
  type SlaSettings,
} from '../api/admin-api';
import { hoursProblem, WEEKDAYS, weekdayName } from '../utils/report-format';
import styles from './admin.module.css';

const TYPES = [
  { key: 'critical', label: 'sla.typeCritical' },
  { key: 'question', label: 'sla.typeQuestion' },
  { key: 'feature_request', label: 'sla.typeFeatureRequest' },
] as const satisfies readonly { key: RequestTypeKey; label: string }[];

interface DayForm {
  open: boolean;
  start: string;
  end: string;
}

function daysOf(settings: SlaSettings): DayForm[] {
  return WEEKDAYS.map((weekday) => {
    const h = settings.business_hours.find((b) => b.weekday === weekday);
    return h ? { open: true, start: h.start, end: h.end } : { open: false, start: '10:00', end: '19:00' };
  });
}

function SettingsForm({ initial, saved, setSaved }: { initial: SlaSettings; saved: boolean; setSaved: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const fmt = useFormatters();
  const save = useSaveSlaSettings();
  const [zone, setZone] = useState(initial.time_zone);
  const [days, setDays] = useState(() => daysOf(initial));
  const [targets, setTargets] = useState(initial.targets);
  const [warning, setWarning] = useState(String(initial.warning_minutes));
  const problems = days.map((d) => (d.open ? hoursProblem(d.start, d.end) : null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (problems.some(Boolean)) return;
    save.mutate(
      {
        time_zone: zone.trim(),
        business_hours: days.flatMap((d, i) => (d.open ? [{ weekday: i + 1, start: d.start, end: d.end }] : [])),
        targets,
        warning_minutes: Number(warning),
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const serverError =
    save.error && isApiError(save.error) && save.error.field
      ? t('sla.fieldError', { message: save.error.message, field: save.error.field })
      : save.error?.message;

  return (
    <form className={styles.stack} onSubmit={submit} aria-label={t('sla.formLabel')}>
      <Card title={t('sla.targetsTitle')} description={t('sla.targetsDescription')}>
        <div className={styles.stack}>
          {TYPES.map(({ key, label }) => (
            <div className={styles.row} key={key}>
              <label className={styles.field}>
                {t('sla.minutes', { type: t(label) })}
                <input className={styles.input} type="number" min={1} max={100000} required value={targets[key].minutes}
                  onChange={(e) => setTargets({ ...targets, [key]: { ...targets[key], minutes: Number(e.target.value) } })} />
              </label>
              <label className={styles.field}>
                {t('sla.clock', { type: t(label) })}
                <select className={styles.select} value={targets[key].clock}
                  onChange={(e) => setTargets({ ...targets, [key]: { ...targets[key], clock: e.target.value === 'calendar' ? 'calendar' : 'business' } })}>
                  <option value="business">{t('sla.businessOnly')}</option>
                  <option value="calendar">{t('sla.aroundClock')}</option>
                </select>
              </label>
            </div>
          ))}
          <div className={styles.row}>
            <label className={styles.field}>
              {t('sla.warning')}
              <input className={styles.input} type="number" min={0} max={10000} required value={warning}
                onChange={(e) => setWarning(e.target.value)} />
            </label>
          </div>
        </div>
      </Card>
      <Card title={t('sla.hoursTitle')}>
        <div className={styles.stack}>
          <label className={styles.field}>
            {t('sla.timeZone')}
            <input className={styles.input} value={zone} required onChange={(e) => setZone(e.target.value)} />
          </label>
          <div className={styles.hoursGrid}>
            {WEEKDAYS.map((weekday, i) => {
              const name = weekdayName(weekday, fmt.locale);
              const d = days[i]!;
              const update = (patch: Partial<DayForm>) => setDays(days.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              return (
                <div key={weekday} style={{ display: 'contents' }}>
                  <span>{name}</span>
                  <label className={styles.checkLabel}>
                    <input type="checkbox" checked={d.open} onChange={(e) => update({ open: e.target.checked })} /> {t('sla.open')}
                  </label>
                  <input className={styles.input} aria-label={t('sla.opens', { day: name })} value={d.start} disabled={!d.open}
                    aria-invalid={problems[i] ? true : undefined} onChange={(e) => update({ start: e.target.value })} />
                  <input className={styles.input} aria-label={t('sla.closes', { day: name })} value={d.end} disabled={!d.open}
                    aria-invalid={problems[i] ? true : undefined} onChange={(e) => update({ end: e.target.value })} />
                  {problems[i] ? (
                    <p className={styles.error} style={{ gridColumn: '1 / -1' }}>
                      {t('sla.dayProblem', { day: name, problem: problems[i] })}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        </div>
      </Card>
      <div className={styles.row}>
        <Button type="submit" loading={save.isPending}>{t('sla.save')}</Button>
        {saved ? <p role="status" className={styles.success}>{t('sla.saved')}</p> : null}
        {serverError ? <p role="alert" className={styles.error}>{serverError}</p> : null}
      </div>
    </form>
  );
}

function CalendarEditor() {
  const { t } = useTranslation('admin');
  const [year, setYear] = useState(new Date().getFullYear());
  const calendar = useCalendar(year);
  const setDay = useSetCalendarDay();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarDay['kind']>('holiday');
  const [note, setNote] = useState('');
  return (
    <Card title={t('calendar.title')} description={t('calendar.description')}>
      <div className={styles.stack}>
        <div className={styles.row}>
          <label className={styles.field}>
            {t('calendar.year')}
            <input className={styles.input} type="number" min={2000} max={2100} value={year}
              onChange={(e) => setYear(Number(e.target.value) || year)} />
          </label>
        </div>
        <form className={styles.row} aria-label={t('calendar.overrideLabel')}
            onSubmit={(e) => { e.preventDefault(); setDay.mutate({ date, kind, note }, { onSuccess: () => setNote('') }); }}>
            <label className={styles.field}>
              {t('calendar.date')}
              <input className={styles.input} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className={styles.field}>
              {t('calendar.kind')}
              <select className={styles.select} value={kind} onChange={(e) => setKind(e.target.value as CalendarDay['kind'])}>
                <option value="holiday">{t('calendar.holiday')}</option>
                <option value="workday">{t('calendar.workday')}</option>
                <option value="default">{t('calendar.backToCalendar')}</option>
              </select>
            </label>
            <label className={styles.field}>
              {t('calendar.note')}
              <input className={styles.input} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
            </label>
            <Button type="submit" variant="secondary" loading={setDay.isPending}>{t('calendar.setDate')}</Button>
        </form>
        {setDay.isError ? <p role="alert" className={styles.error}>{setDay.error.message}</p> : null}
        {calendar.isError ? <QueryError title={t('calendar.loadFailed')} error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>{t('calendar.date')}</th>
                <th>{t('calendar.kind')}</th>
                <th>{t('calendar.source')}</th>
                <th>{t('calendar.note')}</th>
              </tr>
            </thead>
            <tbody>
              {(calendar.data?.days ?? []).map((d) => (
                <tr key={d.date}>
                  <td className={styles.nowrapCell}>{d.date}</td>
                  <td className={styles.nowrapCell}>{t(`calendar.${d.kind}`)}</td>
                  <td className={styles.muted}>{d.source === 'override' ? t('calendar.override') : t('calendar.builtIn')}</td>
                  <td className={styles.wrapCell}>{d.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}

/** /admin/sla: targets, business hours, time zone, warning window and the calendar. */
export function SlaSettingsPage() {
  const { t } = useTranslation('admin');
  const settings = useSlaSettings();
  // Saving replaces the cached settings, which remounts the form (its key): the
  // confirmation lives here so that it survives.
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('titles.sla')} description={t('sla.description')}>
      <div className={styles.stack}>
        {settings.isError ? <QueryError title={t('sla.loadFailed')} error={settings.error} onRetry={() => void settings.refetch()} /> : null}
        {settings.data ? <SettingsForm key={JSON.stringify(settings.data)} initial={settings.data} saved={saved} setSaved={setSaved} /> : null}
        <CalendarEditor />
      </div>
    </Page>
  );
}
