import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormAlert } from '@/components/ui/form-alert';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import {
  useChangeChannel,
  useChannelList,
  useConnectChannel,
  useDisconnectChannel,
  type Channel,
} from '../api/channels';
import styles from './channels.module.css';

export interface EmployeeOption {
  id: number;
  name: string;
}

/** The Channels section: every channel with its status, and connecting a Telegram bot. */
export function ChannelsPage({ employees }: { employees: EmployeeOption[] }) {
  const { t } = useTranslation('channels');
  const channels = useChannelList();
  return (
    <Page title={t('title')} description={t('description')}>
      <ConnectForm employees={employees} />
      {channels.isPending ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : channels.isError ? (
        <QueryError title={t('loadFailed')} error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('listLabel')}>
          {channels.data.map((c) => (
            <ChannelRow key={c.id} channel={c} employees={employees} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function ConnectForm({ employees }: { employees: EmployeeOption[] }) {
  const { t } = useTranslation('channels');
  const connect = useConnectChannel();
  const [token, setToken] = useState('');
  const [employeeId, setEmployeeId] = useState<string>('');
  const chosen = employeeId || (employees[0] ? String(employees[0].id) : '');
  const error = connect.error && isApiError(connect.error) ? connect.error.message : connect.error ? t('connectFailed') : '';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    connect.mutate(
      { token: token.trim(), employee_id: Number(chosen) },
      { onSuccess: () => setToken('') },
    );
  };
  return (
    <form className={styles.connect} onSubmit={onSubmit} aria-label={t('connect.title')}>
      <h2 className={styles.heading}>{t('connect.title')}</h2>
      <p className={styles.muted}>{t('connect.hint')}</p>
      <div className={styles.connectFields}>
        <TextField
          label={t('connect.token')}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('connect.tokenPlaceholder')}
          required
        />
        <label className={styles.selectField}>
          <span className={styles.label}>{t('connect.employee')}</span>
          <select value={chosen} onChange={(e) => setEmployeeId(e.target.value)} required>
            {employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" loading={connect.isPending} disabled={!chosen || token.trim() === ''}>
          {t('connect.submit')}
        </Button>
      </div>
      {employees.length === 0 ? <p className={styles.muted}>{t('connect.noEmployees')}</p> : null}
      <FormAlert message={error} />
      {connect.isSuccess ? (
        <p role="status" className={styles.success}>
          {t('connect.done', { name: connect.data.name })}
        </p>
      ) : null}
    </form>
  );
}

function ChannelRow({ channel, employees }: { channel: Channel; employees: EmployeeOption[] }) {
  const { t } = useTranslation('channels');
  const fmt = useFormatters();

  const change = useChangeChannel();
  const disconnect = useDisconnectChannel();
  const [confirming, setConfirming] = useState(false);
  const paused = channel.status === 'paused';
  return (
    <li className={styles.row} aria-label={`@${channel.name}`}>
      <div className={styles.rowMain}>
        <a href={channel.url} className={styles.name} target="_blank" rel="noreferrer">
          @{channel.name}
        </a>
        <span className={styles.muted}>
          {t(`kind.${channel.kind}`)} · {t(`mode.${channel.mode}`)} · {t('token', { hint: channel.token_hint })}
        </span>
        <span className={styles.badge} data-status={channel.status}>
          {t(`status.${channel.status}`)}
        </span>
        {channel.last_error ? (
          <p className={styles.error}>
            {t('lastError', {
              when: channel.last_error_at ? fmt.dateTime(channel.last_error_at) : '',
              error: channel.last_error,
            })}
          </p>
        ) : null}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('facts.lastUpdate')}</dt>
          <dd>{channel.last_update_at ? fmt.dateTime(channel.last_update_at) : t('facts.never')}</dd>
        </div>
        <div>
          <dt>{t('facts.today')}</dt>
          <dd>{t('facts.inOut', { in: channel.messages_in_today, out: channel.messages_out_today })}</dd>
        </div>
      </dl>
      <div className={styles.actions}>
        <label className={styles.selectField}>
          <span className={styles.label}>{t('employee')}</span>
          <select
            value={channel.employee_id}
            onChange={(e) => change.mutate({ id: channel.id, employee_id: Number(e.target.value) })}
          >
            {employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="secondary"
          loading={change.isPending}
          onClick={() => change.mutate({ id: channel.id, status: paused ? 'connected' : 'paused' })}
        >
          {paused ? t('resume') : t('pause')}
        </Button>
        {confirming ? (
          <>
            <Button variant="primary" loading={disconnect.isPending} onClick={() => disconnect.mutate(channel.id)}>
              {t('disconnectConfirm', { name: channel.name })}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            {t('disconnect')}
          </Button>
        )}
      </div>
      <FormAlert message={change.error && isApiError(change.error) ? change.error.message : null} />
    </li>
  );
}
