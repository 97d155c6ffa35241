import type { ChatFilter } from '../utils/chat-filter';

/** Every chat query starts with 'chats', so one prefix refreshes them all. */
export const chatKeys = {
  all: ['chats'] as const,
  lists: () => ['chats', 'list'] as const,
  list: (filter: ChatFilter) => ['chats', 'list', filter] as const,
  latestPlayground: (employeeId: number) => ['chats', 'playground', employeeId] as const,
  detail: (id: number) => ['chats', 'detail', id] as const,
  messages: (id: number) => ['chats', 'messages', id] as const,
  /** Streaming replies: not server data, so outside the 'chats' prefix that refetches. */
  stream: (id: number) => ['chat-streams', id] as const,
};
