import type { Chat } from '../api/chat-schemas';
import styles from './chat-view.module.css';

/** Says plainly that the AI has stopped and a person is needed, and why. */
export function HandoffBanner({ chat }: { chat: Chat }) {
  if (chat.needs_human) {
    return (
      <p className={styles.handoff} role="status" data-tone="handoff">
        <strong>Passed to a person</strong>
        {`: ${chat.handoff_reason ?? 'the AI employee asked for help'}. The AI does not reply in this chat until it is handed back.`}
      </p>
    );
  }
  if (chat.status === 'human') {
    return (
      <p className={styles.handoff} role="status" data-tone="human">
        A person is answering this chat; the AI employee does not reply until it is handed back.
      </p>
    );
  }
  return null;
}
