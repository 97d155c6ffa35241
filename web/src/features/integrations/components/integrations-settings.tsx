import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import {
  WEBHOOK_EVENTS,
  useApiKeys,
  useChangeWebhook,
  useCreateApiKey,
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useResendDelivery,
  useRevokeApiKey,
  useRotateWebhookSecret,
  useSendTestEvent,
  useWebhooks,
  type ApiKey,
  type NewApiKey,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../api/integrations';
import styles from './integrations.module.css';

function messageOf(error: unknown, fallback: string): string | null {
  if (!error) return null;
  return isApiError(error) ? error.message : fallback;
}

/** Settings → Integrations: API keys and outgoing webhooks. */
export function IntegrationsSettings() {
  const { t } = useTranslation('integrations');
  return (
    <>
      <Card title={t('keys.title')} description={t('keys.description')}>
        <ApiKeys />
      </Card>
      <Card title={t('hooks.title')} description={t('hooks.description')}>
        <Webhooks />
      </Card>
    </>
  );
}

/** A secret shown once, with a copy button. */
function SecretOnce({ label, secret, note }: { label: string; secret: string; note: string }) {
  const { t } = useTranslation('integrations');
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.secret} role="status">
      <p className={styles.secretLabel}>{label}</p>
      <code className={styles.secretValue} aria-label={label}>
        {secret}
      </code>
      <div className={styles.row}>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
        <span className={styles.muted}>{note}</span>
      </div>
    </div>
  );
}

function ApiKeys() {
  const { t } = useTranslation('integrations');
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<NewApiKey['scope']>('read');
  const [expiry, setExpiry] = useState<'30' | '90' | '365' | 'never'>('90');
  const [password, setPassword] = useState('');
  const fieldError = (field: string) =>
    create.error && isApiError(create.error) && create.error.field === field ? create.error.message : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        scope,
        expires_in_days: expiry === 'never' ? null : (Number(expiry) as 30 | 90 | 365),
        password,
      },
      {
        onSuccess: () => {
          setName('');
          setPassword('');
        },
      },
    );
  };
  const formError =
    create.error && !(isApiError(create.error) && create.error.field) ? messageOf(create.error, t('failed')) : null;
  return (
    <div className={styles.stack}>
      <form className={styles.form} onSubmit={onSubmit} aria-label={t('keys.create')}>
        <div className={styles.fields}>
          <TextField
            label={t('keys.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldError('name')}
            maxLength={100}
            required
          />
          <label className={styles.select}>
            <span className={styles.label}>{t('keys.scope')}</span>
            <select value={scope} onChange={(e) => setScope(e.target.value as NewApiKey['scope'])}>
              <option value="read">{t('keys.scopes.read')}</option>
              <option value="read_write">{t('keys.scopes.read_write')}</option>
            </select>
          </label>
          <label className={styles.select}>
            <span className={styles.label}>{t('keys.expiry')}</span>
            <select value={expiry} onChange={(e) => setExpiry(e.target.value as typeof expiry)}>
              <option value="30">{t('keys.days', { count: 30 })}</option>
              <option value="90">{t('keys.days', { count: 90 })}</option>
              <option value="365">{t('keys.days', { count: 365 })}</option>
              <option value="never">{t('keys.never')}</option>
            </select>
          </label>
          <TextField
            label={t('password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError('password')}
            hint={t('passwordHint')}
            required
          />
        </div>
        <Button type="submit" loading={create.isPending} disabled={name.trim() === '' || password === ''}>
          {t('keys.create')}
        </Button>
        <FormAlert message={formError} />
      </form>
      {create.isSuccess ? (
        <SecretOnce label={t('keys.secretLabel', { name: create.data.api_key.name })} secret={create.data.secret} note={t('keys.secretNote')} />
      ) : null}
      {keys.isPending ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : keys.isError ? (
        <QueryError title={t('loadFailed')} error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p className={styles.muted}>{t('keys.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('keys.listLabel')}>
          {keys.data.map((k) => (
            <ApiKeyRow key={k.id} apiKey={k} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useTranslation('integrations');
  const fmt = useFormatters();
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={styles.item} aria-label={apiKey.name}>
      <div className={styles.itemMain}>
        <span className={styles.name}>{apiKey.name}</span>
        <code className={styles.code}>{apiKey.prefix}…</code>
        <span className={styles.badge} data-state={apiKey.state}>
          {t(`keys.states.${apiKey.state}`)}
        </span>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('keys.scope')}</dt>
          <dd>{t(`keys.scopes.${apiKey.scope}`)}</dd>
        </div>
        <div>
          <dt>{t('keys.createdBy')}</dt>
          <dd>
            {apiKey.created_by.name}, {fmt.dateTime(apiKey.created_at)}
          </dd>
        </div>
        <div>
          <dt>{t('keys.lastUsed')}</dt>
          <dd>{apiKey.last_used_at ? fmt.dateTime(apiKey.last_used_at) : t('keys.neverUsed')}</dd>
        </div>
        <div>
          <dt>{t('keys.expires')}</dt>
          <dd>{apiKey.expires_at ? fmt.dateTime(apiKey.expires_at) : t('keys.never')}</dd>
        </div>
      </dl>
      {apiKey.state === 'active' ? (
        <div className={styles.row}>
          {confirming ? (
            <>
              <Button loading={revoke.isPending} onClick={() => revoke.mutate(apiKey.id)}>
                {t('keys.revokeConfirm', { name: apiKey.name })}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>
            </>
          ) : (
            <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={t('keys.revokeLabel', { name: apiKey.name })}>
              {t('keys.revoke')}
            </Button>
          )}
        </div>
      ) : null}
      <FormAlert message={messageOf(revoke.error, t('failed'))} />
    </li>
  );
}

function Webhooks() {
  const { t } = useTranslation('integrations');
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['chat.needs_human']);
  const fieldError = (field: string) =>
    create.error && isApiError(create.error) && create.error.field === field ? create.error.message : undefined;
  const toggle = (e: WebhookEvent) =>
    setEvents((now) => (now.includes(e) ? now.filter((x) => x !== e) : [...now, e]));
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), events },
      {
        onSuccess: () => {
          setUrl('');
          setDescription('');
        },
      },
    );
  };
  const formError =
    create.error && !(isApiError(create.error) && create.error.field) ? messageOf(create.error, t('failed')) : null;
  return (
    <div className={styles.stack}>
      <form className={styles.form} onSubmit={onSubmit} aria-label={t('hooks.add')}>
        <div className={styles.fields}>
          <TextField
            label={t('hooks.url')}
            type="url"
            inputMode="url"
            placeholder="https://example.com/textura"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={fieldError('url')}
            hint={t('hooks.urlHint')}
            required
          />
          <TextField
            label={t('hooks.descriptionLabel')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={200}
          />
        </div>
        <fieldset className={styles.events}>
          <legend className={styles.label}>{t('hooks.events')}</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className={styles.check}>
              <input type="checkbox" checked={events.includes(e)} onChange={() => toggle(e)} />
              <span>
                <code className={styles.code}>{e}</code> {t(`hooks.eventNames.${e}`)}
              </span>
            </label>
          ))}
          {fieldError('events') ? <p className={styles.error}>{fieldError('events')}</p> : null}
        </fieldset>
        <Button type="submit" loading={create.isPending} disabled={url.trim() === '' || events.length === 0}>
          {t('hooks.add')}
        </Button>
        <FormAlert message={formError} />
      </form>
      {create.isSuccess ? (
        <SecretOnce label={t('hooks.secretLabel')} secret={create.data.secret} note={t('hooks.secretNote')} />
      ) : null}
      {hooks.isPending ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : hooks.isError ? (
        <QueryError title={t('loadFailed')} error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <p className={styles.muted}>{t('hooks.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('hooks.listLabel')}>
          {hooks.data.map((h) => (
            <EndpointRow key={h.id} endpoint={h} />
          ))}
        </ul>
      )}
    </div>
  );
}

function EndpointRow({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation('integrations');
  const fmt = useFormatters();
  const change = useChangeWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const test = useSendTestEvent();
  const [logOpen, setLogOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const error = messageOf(change.error ?? remove.error ?? rotate.error ?? test.error, t('failed'));
  return (
    <li className={styles.item} aria-label={endpoint.url}>
      <div className={styles.itemMain}>
        <span className={styles.name}>{endpoint.url}</span>
        <span className={styles.badge} data-state={endpoint.enabled ? 'active' : 'revoked'}>
          {endpoint.enabled ? t('hooks.enabled') : t('hooks.disabled')}
        </span>
      </div>
      {endpoint.description ? <p className={styles.muted}>{endpoint.description}</p> : null}
      <p className={styles.muted}>{endpoint.events.join(', ')}</p>
      {endpoint.disabled_reason ? (
        <p className={styles.notice} role="note">
          {endpoint.disabled_reason}
        </p>
      ) : endpoint.failing_since ? (
        <p className={styles.notice} role="note">
          {t('hooks.failingSince', { when: fmt.dateTime(endpoint.failing_since) })}
        </p>
      ) : null}
      <div className={styles.row}>
        <Button variant="secondary" onClick={() => setLogOpen((o) => !o)} aria-expanded={logOpen}>
          {logOpen ? t('hooks.hideLog') : t('hooks.showLog')}
        </Button>
        <Button variant="secondary" loading={test.isPending} disabled={!endpoint.enabled} onClick={() => {
          setLogOpen(true);
          test.mutate(endpoint.id);
        }}>
          {t('hooks.sendTest')}
        </Button>
        <Button variant="ghost" loading={change.isPending} onClick={() => change.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
          {endpoint.enabled ? t('hooks.disable') : t('hooks.enable')}
        </Button>
        <Button variant="ghost" loading={rotate.isPending} onClick={() => rotate.mutate(endpoint.id)}>
          {t('hooks.rotate')}
        </Button>
        {confirming ? (
          <>
            <Button loading={remove.isPending} onClick={() => remove.mutate(endpoint.id)}>
              {t('hooks.deleteConfirm')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            {t('hooks.delete')}
          </Button>
        )}
      </div>
      {rotate.isSuccess ? (
        <SecretOnce label={t('hooks.newSecretLabel')} secret={rotate.data.secret} note={t('hooks.rotateNote')} />
      ) : null}
      <FormAlert message={error} />
      {logOpen ? <DeliveryLog endpoint={endpoint} /> : null}
    </li>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation('integrations');
  const deliveries = useDeliveries(endpoint.id, { enabled: true });
  if (deliveries.isPending) {
    return (
      <p role="status" className={styles.muted}>
        {t('loading')}
      </p>
    );
  }
  if (deliveries.isError) {
    return <QueryError title={t('loadFailed')} error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  }
  if (deliveries.data.length === 0) return <p className={styles.muted}>{t('hooks.noDeliveries')}</p>;
  return (
    <ul className={styles.log} aria-label={t('hooks.logLabel', { url: endpoint.url })}>
      {deliveries.data.map((d) => (
        <DeliveryRow key={d.id} endpoint={endpoint.id} delivery={d} />
      ))}
    </ul>
  );
}

function DeliveryRow({ endpoint, delivery }: { endpoint: number; delivery: WebhookDelivery }) {
  const { t } = useTranslation('integrations');
  const fmt = useFormatters();
  const resend = useResendDelivery();
  const last = delivery.log[delivery.log.length - 1];
  return (
    <li className={styles.delivery} aria-label={`${delivery.event_type} ${delivery.webhook_id}`}>
      <div className={styles.itemMain}>
        <code className={styles.code}>{delivery.event_type}</code>
        <span className={styles.badge} data-state={delivery.status === 'succeeded' ? 'active' : delivery.status === 'failed' ? 'revoked' : 'expired'}>
          {t(`hooks.status.${delivery.status}`)}
        </span>
        <span className={styles.muted}>
          {t('hooks.summary', {
            when: fmt.dateTime(delivery.created_at),
            attempts: t('hooks.attempts', { count: delivery.attempts }),
          })}
          {last ? t('hooks.lastTry', { status: last.response_status ?? '—', ms: last.duration_ms }) : ''}
        </span>
      </div>
      {delivery.next_attempt_at ? (
        <p className={styles.muted}>{t('hooks.nextTry', { when: fmt.dateTime(delivery.next_attempt_at) })}</p>
      ) : null}
      <details className={styles.details}>
        <summary>{t('hooks.request')}</summary>
        <pre className={styles.pre}>{(last?.request_headers ?? '') + '\n' + delivery.payload}</pre>
      </details>
      {delivery.log.map((a) => (
        <details key={a.attempt} className={styles.details}>
          <summary>
            {t('hooks.attempt', { n: a.attempt, outcome: a.response_status ?? a.error ?? '—', ms: a.duration_ms })}
          </summary>
          <pre className={styles.pre}>{a.error ? `${a.error}\n\n` : ''}{a.response_head}</pre>
        </details>
      ))}
      <div className={styles.row}>
        <Button variant="ghost" loading={resend.isPending} onClick={() => resend.mutate({ endpoint, delivery: delivery.id })}>
          {t('hooks.resend')}
        </Button>
      </div>
    </li>
  );
}
