import { Trans, useTranslation } from '@/lib/i18n';
import type { Chat } from '../api/chat-schemas';
import styles from './chat-view.module.css';

/** Says plainly that the AI has stopped and a person is needed, and why. */
export function HandoffBanner({ chat }: { chat: Chat }) {
  const { t } = useTranslation('chats');
  if (chat.needs_human) {
    return (
      <p className={styles.handoff} role="status" data-tone="handoff">
        <Trans
          t={t}
          i18nKey="handoff.passed"
          values={{ reason: chat.handoff_reason ?? t('handoff.defaultReason') }}
          components={{ strong: <strong /> }}
        />
      </p>
    );
  }
  if (chat.status === 'human') {
    return (
      <p className={styles.handoff} role="status" data-tone="human">
        {t('handoff.human')}
      </p>
    );
  }
  return null;
}
