import { EmptyState } from '@/components/ui/empty-state';
import styles from './support-workspace.module.css';

/** The staff pane before a ticket is picked. */
export function PanePlaceholder() {
  return (
    <div className={styles.placeholder}>
      <EmptyState title="Pick a ticket">
        <p>Choose a ticket from the list to read the conversation, reply, or mark it Done.</p>
      </EmptyState>
    </div>
  );
}
