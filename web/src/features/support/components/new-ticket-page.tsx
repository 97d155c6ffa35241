import { useTicket } from '../api/get-ticket';
import { followUpPrefill } from '../utils/follow-up';
import { BackToTickets } from './back-to-tickets';
import { NewTicketForm } from './new-ticket-form';
import { TicketTips } from './ticket-tips';
import { useTranslation } from '@/lib/i18n';
import styles from './new-ticket-form.module.css';

export interface NewTicketPageProps {
  /** The Done ticket this one follows up, from `?follow_up_of=`. */
  followUpOf: number | null;
}

/** The New ticket form, with the tips for an effective ticket beside it. */
export function NewTicketPage({ followUpOf }: NewTicketPageProps) {
  const { t } = useTranslation('support');
  const previous = useTicket(followUpOf ?? 0, { enabled: followUpOf !== null });
  const waiting = followUpOf !== null && previous.isPending;
  // Without the old ticket (gone, or not this account's) the form starts empty.
  const prefill = followUpOf !== null && previous.data ? followUpPrefill(previous.data) : undefined;

  return (
    <div className={styles.page}>
      <div className={styles.main}>
        <BackToTickets />
        <h2 className={styles.title}>{prefill ? t('new.followUpTitle') : t('new.title')}</h2>
        <p className={styles.intro}>
          {t('new.intro')}
        </p>
        {waiting ? (
          <p role="status" className={styles.intro}>
            {t('new.loadingPrevious')}
          </p>
        ) : (
          <NewTicketForm key={prefill ? `follow-up-${followUpOf}` : 'new'} prefill={prefill} />
        )}
      </div>
      <aside className={styles.aside} aria-labelledby="new-ticket-tips">
        <TicketTips headingLevel={2} headingId="new-ticket-tips" />
      </aside>
    </div>
  );
}
