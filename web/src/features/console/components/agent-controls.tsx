import { useTranslation } from '@/lib/i18n';
import { useAgents, useSetShift } from '../api/agents';
import { useNotificationPermission } from '../hooks/use-notifications';
import styles from './agent-controls.module.css';

/** "On shift": auto-assignment gives new tickets only to agents on shift. */
export function ShiftToggle({ userId }: { userId: number }) {
  const { t } = useTranslation('console');
  const agents = useAgents();
  const setShift = useSetShift(userId);
  const me = agents.data?.find((agent) => agent.id === userId);
  const onShift = setShift.isPending ? setShift.variables : (me?.on_shift ?? false);
  return (
    <div className={styles.control}>
      <label className={styles.switch}>
        <input
          type="checkbox"
          role="switch"
          checked={onShift}
          disabled={!me || setShift.isPending}
          onChange={(event) => setShift.mutate(event.target.checked)}
        />
        <span className={styles.track} aria-hidden="true" />
        <span>{t('agent.onShift')}</span>
      </label>
      {setShift.isError ? (
        <p role="alert" className={styles.error}>{t('agent.shiftFailed', { message: setShift.error.message })}</p>
      ) : null}
    </div>
  );
}

/** Asks for the browser's permission to notify — only when pressed. */
export function NotificationsButton() {
  const { t } = useTranslation('console');
  const { permission, request } = useNotificationPermission();
  if (permission === 'unsupported') return null;
  if (permission === 'granted') {
    return (
      <p className={styles.status} role="status">
        {t('agent.notificationsOn')}
      </p>
    );
  }
  if (permission === 'denied') {
    return <p className={styles.status}>{t('agent.notificationsBlocked')}</p>;
  }
  return (
    <button type="button" className={styles.link} onClick={() => void request()}>
      {t('agent.notifyMe')}
    </button>
  );
}
