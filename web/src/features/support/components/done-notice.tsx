import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import type { Ticket } from '../api/ticket-schemas';
import { useTranslation } from '@/lib/i18n';
import styles from './ticket-view.module.css';

/** Takes the composer's place on a Done ticket. */
export function DoneNotice({ ticket, canFollowUp }: { ticket: Ticket; canFollowUp: boolean }) {
  const { t } = useTranslation('support');
  const navigate = useNavigate();
  return (
    <div className={styles.done}>
      <p className={styles.doneTitle}>{t('done.title')}</p>
      {canFollowUp ? (
        <>
          <p className={styles.doneText}>
            {t('done.text')}
          </p>
          <div>
            <Button onClick={() => void navigate(`${paths.supportNew}?follow_up_of=${ticket.id}`)}>
              {t('done.followUp')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
