// Writes into the console's caches: what an event or the agent's own action
// changed. The queue's order and filters are the server's (due times run on
// business hours, search covers message text), so a change patches the rows
// already shown and then asks the server for the queue again.
import type { QueryClient } from '@tanstack/react-query';
import { mergeById } from '../utils/thread';
import type { QueuePages } from './get-queue';
import { consoleKeys } from './query-keys';
import type { Message, Note, StaffTicket, Viewer } from './schemas';

function patchQueues(queryClient: QueryClient, ticket: StaffTicket): void {
  for (const [key, data] of queryClient.getQueriesData<QueuePages>({ queryKey: consoleKeys.queues() })) {
    if (!data?.pages.some((page) => page.items.some((item) => item.id === ticket.id))) continue;
    queryClient.setQueryData<QueuePages>(key, {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === ticket.id ? ticket : item)),
      })),
    });
  }
}

/** The queue and its counts, fetched again (sorted and filtered by the server). */
export function refreshQueue(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: consoleKeys.queues() });
  void queryClient.invalidateQueries({ queryKey: consoleKeys.summary() });
}

/** A ticket as the server now reports it to staff. */
export function upsertStaffTicket(queryClient: QueryClient, ticket: StaffTicket): void {
  queryClient.setQueryData(consoleKeys.ticket(ticket.id), ticket);
  patchQueues(queryClient, ticket);
  refreshQueue(queryClient);
  void queryClient.invalidateQueries({ queryKey: consoleKeys.history(ticket.id) });
}

export function addMessage(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<Message[]>(consoleKeys.messages(message.ticket_id), (messages) =>
    messages ? mergeById(messages, [message]) : messages,
  );
  void queryClient.invalidateQueries({ queryKey: consoleKeys.ticket(message.ticket_id) });
  refreshQueue(queryClient);
}

export function addNote(queryClient: QueryClient, note: Note): void {
  queryClient.setQueryData<Note[]>(consoleKeys.notes(note.ticket_id), (notes) =>
    notes ? mergeById(notes, [note]) : notes,
  );
  // The note count is the server's to say.
  void queryClient.invalidateQueries({ queryKey: consoleKeys.ticket(note.ticket_id) });
  void queryClient.invalidateQueries({ queryKey: consoleKeys.history(note.ticket_id) });
}

export function setViewers(queryClient: QueryClient, ticketId: number, viewers: readonly Viewer[]): void {
  queryClient.setQueryData<readonly Viewer[]>(consoleKeys.presence(ticketId), viewers);
}

/** Everything the console shows, fetched again (after missed events). */
export function refreshConsole(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: consoleKeys.all });
}
