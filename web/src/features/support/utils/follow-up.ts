import { i18n } from '@/lib/i18n';
import type { Ticket } from '../api/ticket-schemas';

export const TITLE_MAX_LENGTH = 200;

export interface NewTicketPrefill {
  title: string;
  body: string;
  followUpOf: number;
}

/** A Done ticket's follow-up: its title, a first message that links back, and the link itself. */
export function followUpPrefill(ticket: Pick<Ticket, 'id' | 'title'>): NewTicketPrefill {
  const title = i18n.t('support:new.followUpPrefillTitle', { title: ticket.title });
  return {
    title: [...title].length > TITLE_MAX_LENGTH ? `${[...title].slice(0, TITLE_MAX_LENGTH - 1).join('')}…` : title,
    body: i18n.t('support:new.followUpPrefillBody', { id: ticket.id }),
    followUpOf: ticket.id,
  };
}

/** The `follow_up_of` query parameter of the New ticket page, when it is a ticket id. */
export function parseFollowUpParam(value: string | null): number | null {
  if (value === null || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
