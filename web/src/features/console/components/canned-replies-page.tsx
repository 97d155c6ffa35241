import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Page } from '@/components/ui/page';
import { QueryError } from '@/components/ui/query-error';
import { useTranslation } from '@/lib/i18n';
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
  const { t } = useTranslation('console');
  const replies = useCannedReplies();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const canEdit = (reply: CannedReply) => reply.owner.id === viewer.userId || viewer.isAdmin;

  return (
    <Page title={t('canned.title')} description={t('canned.description')}>
      <div className={styles.intro}>
        <p className={styles.muted}>
          {`${t('canned.placeholders')} `}
          {PLACEHOLDERS.map((placeholder, index) => (
            <span key={placeholder}>
              <code>{placeholder}</code>
              {index < PLACEHOLDERS.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
        {editing === 'new' ? null : <Button onClick={() => setEditing('new')}>{t('canned.new')}</Button>}
      </div>
      {editing === 'new' ? <CannedReplyForm reply={null} onDone={() => setEditing(null)} /> : null}
      {replies.isPending ? (
        <p role="status" className={styles.muted}>
          {t('canned.loading')}
        </p>
      ) : replies.isError ? (
        <QueryError title={t('canned.loadFailed')} error={replies.error} onRetry={() => void replies.refetch()} />
      ) : replies.data.length === 0 ? (
        <p className={styles.muted}>{t('canned.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('canned.listLabel')}>
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
  const { t } = useTranslation(['console', 'common']);
  const remove = useDeleteCanned();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={styles.item} aria-label={reply.title}>
      <div className={styles.itemHead}>
        <h2 className={styles.itemTitle}>{reply.title}</h2>
        {reply.shortcut ? <code className={styles.shortcut}>{`/${reply.shortcut}`}</code> : null}
        <span className={styles.badge} data-shared={reply.shared}>
          {reply.shared ? t('canned.sharedBadge') : t('canned.onlyYou')}
        </span>
        {mine ? null : <span className={styles.muted}>{t('canned.by', { name: reply.owner.name })}</span>}
      </div>
      <p className={styles.body}>{reply.body}</p>
      {editable ? (
        <div className={styles.actions}>
          {confirming ? (
            <>
              <span>{t('canned.confirmDelete')}</span>
              <Button variant="secondary" loading={remove.isPending} onClick={() => remove.mutate(reply.id)}>
                {t('canned.yesDelete')}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {t('canned.keep')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={onEdit} aria-label={t('canned.edit', { title: reply.title })}>
                {t('common:action.edit')}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={t('canned.delete', { title: reply.title })}>
                {t('common:action.delete')}
              </Button>
            </>
          )}
          {remove.isError ? (
            <p role="alert" className={styles.error}>{t('canned.deleteFailed', { message: remove.error.message })}</p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
