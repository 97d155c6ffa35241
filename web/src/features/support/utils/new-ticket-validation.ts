import { i18n } from '@/lib/i18n';
import type { CreateTicketInput } from '../api/create-ticket';
import type { RequestType } from '../api/ticket-schemas';
import { TITLE_MAX_LENGTH } from './follow-up';

export const BODY_MAX_LENGTH = 20_000;

export interface NewTicketValues {
  title: string;
  category: RequestType | '';
  /** The selected employee's id, or '' for none. */
  employeeId: string;
  chatUrl: string;
  body: string;
}

export type NewTicketField = 'title' | 'category' | 'employeeId' | 'chatUrl' | 'body';
export type NewTicketErrors = Partial<Record<NewTicketField, string>>;

/** The server's names for the form's fields (400 `validation_failed` carries them). */
export const SERVER_FIELDS: Record<string, NewTicketField> = {
  title: 'title',
  category: 'category',
  employee_id: 'employeeId',
  chat_url: 'chatUrl',
  body: 'body',
};

function characters(text: string): number {
  return [...text].length;
}

export const CHAT_URL_MAX_LENGTH = 2000;

/** A chat link as the server takes it: a full http(s) address, or a path like /chats/12. */
export function isChatLink(text: string): boolean {
  return text.startsWith('/chats/') || isWebUrl(text);
}

export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export type ValidationResult = { ok: true; input: CreateTicketInput } | { ok: false; errors: NewTicketErrors };

/** Checks the form as the server will, and builds the request. */
export function validateNewTicket(values: NewTicketValues, followUpOf: number | null): ValidationResult {
  const errors: NewTicketErrors = {};
  const title = values.title.trim();
  const body = values.body.trim();
  const chatUrl = values.chatUrl.trim();

  const t = i18n.getFixedT(null, 'support');
  if (title === '') errors.title = t('validation.titleRequired');
  else if (characters(title) > TITLE_MAX_LENGTH) errors.title = t('validation.tooLong', { count: TITLE_MAX_LENGTH });
  if (values.category === '') errors.category = t('validation.typeRequired');
  if (chatUrl !== '' && !isChatLink(chatUrl)) {
    errors.chatUrl = t('validation.chatUrl');
  } else if (chatUrl.length > CHAT_URL_MAX_LENGTH) {
    errors.chatUrl = t('validation.tooLong', { count: CHAT_URL_MAX_LENGTH });
  }
  if (body === '') errors.body = t('validation.bodyRequired');
  else if (characters(body) > BODY_MAX_LENGTH) {
    errors.body = t('validation.tooLong', { count: BODY_MAX_LENGTH });
  }
  if (Object.keys(errors).length > 0 || values.category === '') return { ok: false, errors };

  const input: CreateTicketInput = { title, body, category: values.category };
  if (values.employeeId !== '') input.employee_id = Number(values.employeeId);
  if (chatUrl !== '') input.chat_url = chatUrl;
  if (followUpOf !== null) input.follow_up_of = followUpOf;
  return { ok: true, input };
}
