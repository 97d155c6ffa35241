import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import type { Ticket } from '../api/ticket-schemas';
import styles from './ticket-view.module.css';

/** Takes the composer's place on a Done ticket. */
export function DoneNotice({ ticket, canFollowUp }: { ticket: Ticket; canFollowUp: boolean }) {
  const navigate = useNavigate();
  return (
    <div className={styles.done}>
      <p className={styles.doneTitle}>This ticket is Done and archived. It cannot be reopened.</p>
      {canFollowUp ? (
        <>
          <p className={styles.doneText}>
            If the issue returns, create a follow-up: a new ticket that refers back to this one.
          </p>
          <div>
            <Button onClick={() => void navigate(`${paths.supportNew}?follow_up_of=${ticket.id}`)}>
              Create a follow-up
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
