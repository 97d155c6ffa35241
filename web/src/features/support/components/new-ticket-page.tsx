import { useTicket } from '../api/get-ticket';
import { followUpPrefill } from '../utils/follow-up';
import { BackToTickets } from './back-to-tickets';
import { NewTicketForm } from './new-ticket-form';
import { TicketTips } from './ticket-tips';
import styles from './new-ticket-form.module.css';

export interface NewTicketPageProps {
  /** The Done ticket this one follows up, from `?follow_up_of=`. */
  followUpOf: number | null;
}

/** The New ticket form, with the tips for an effective ticket beside it. */
export function NewTicketPage({ followUpOf }: NewTicketPageProps) {
  const previous = useTicket(followUpOf ?? 0, { enabled: followUpOf !== null });
  const waiting = followUpOf !== null && previous.isPending;
  // Without the old ticket (gone, or not this account's) the form starts empty.
  const prefill = followUpOf !== null && previous.data ? followUpPrefill(previous.data) : undefined;

  return (
    <div className={styles.page}>
      <div className={styles.main}>
        <BackToTickets />
        <h2 className={styles.title}>{prefill ? 'Create a follow-up' : 'New ticket'}</h2>
        <p className={styles.intro}>
          The support team — real people, not a bot — answers in this ticket&apos;s chat.
        </p>
        {waiting ? (
          <p role="status" className={styles.intro}>
            Loading the previous ticket…
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
