import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useCannedReplies, useDeleteCanned } from '../api/canned-replies';
import type { CannedReply } from '../api/schemas';
import type { ConsoleViewer } from '../utils/viewer';
import { CannedReplyForm } from './canned-reply-form';
import styles from './canned-replies.module.css';

const PLACEHOLDERS = [
  '{{customer.name}}',
  '{{customer.first_name}}',
  '{{ticket.id}}',
  '{{ticket.title}}',
  '{{agent.name}}',
  '{{account.name}}',
];

/** The team's reply templates: the agent's own and the shared ones. */
export function CannedRepliesPage({ viewer }: { viewer: ConsoleViewer }) {
  const replies = useCannedReplies();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const canEdit = (reply: CannedReply) => reply.owner.id === viewer.userId || viewer.isAdmin;

  return (
    <Page title="Canned replies" description="Reply templates for the team. Insert one with “/shortcut” or Ctrl+Shift+K.">
      <div className={styles.intro}>
        <p className={styles.muted}>
          {'Placeholders are filled in for the ticket: '}
          {PLACEHOLDERS.map((placeholder, index) => (
            <span key={placeholder}>
              <code>{placeholder}</code>
              {index < PLACEHOLDERS.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
        {editing === 'new' ? null : <Button onClick={() => setEditing('new')}>New canned reply</Button>}
      </div>
      {editing === 'new' ? <CannedReplyForm reply={null} onDone={() => setEditing(null)} /> : null}
      {replies.isPending ? (
        <p role="status" className={styles.muted}>
          Loading canned replies…
        </p>
      ) : replies.isError ? (
        <QueryError title="Could not load canned replies" error={replies.error} onRetry={() => void replies.refetch()} />
      ) : replies.data.length === 0 ? (
        <p className={styles.muted}>No canned replies yet. Create the answers you give most often.</p>
      ) : (
        <ul className={styles.list} aria-label="Canned replies">
          {replies.data.map((reply) =>
            editing === reply.id ? (
              <li key={reply.id}>
                <CannedReplyForm reply={reply} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <CannedReplyItem
                key={reply.id}
                reply={reply}
                mine={reply.owner.id === viewer.userId}
                editable={canEdit(reply)}
                onEdit={() => setEditing(reply.id)}
              />
            ),
          )}
        </ul>
      )}
    </Page>
  );
}

interface ItemProps {
  reply: CannedReply;
  mine: boolean;
  editable: boolean;
  onEdit: () => void;
}

function CannedReplyItem({ reply, mine, editable, onEdit }: ItemProps) {
  const remove = useDeleteCanned();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={styles.item} aria-label={reply.title}>
      <div className={styles.itemHead}>
        <h2 className={styles.itemTitle}>{reply.title}</h2>
        {reply.shortcut ? <code className={styles.shortcut}>{`/${reply.shortcut}`}</code> : null}
        <span className={styles.badge} data-shared={reply.shared}>
          {reply.shared ? 'Shared with the team' : 'Only you'}
        </span>
        {mine ? null : <span className={styles.muted}>{`by ${reply.owner.name}`}</span>}
      </div>
      <p className={styles.body}>{reply.body}</p>
      {editable ? (
        <div className={styles.actions}>
          {confirming ? (
            <>
              <span>Delete this canned reply?</span>
              <Button variant="secondary" loading={remove.isPending} onClick={() => remove.mutate(reply.id)}>
                Yes, delete
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${reply.title}`}>
                Edit
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${reply.title}`}>
                Delete
              </Button>
            </>
          )}
          {remove.isError ? (
            <p role="alert" className={styles.error}>{`Could not delete: ${remove.error.message}`}</p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
