import type { AuthorKind } from '../api/chat-schemas';

const SOURCES: Record<string, string> = { playground: 'Playground', telegram: 'Telegram', widget: 'Website widget' };

export function sourceLabel(source: string): string {
  return SOURCES[source] ?? source;
}

export const SOURCE_OPTIONS = [{ value: 'playground', label: 'Playground' }] as const;

const AUTHOR_ROLES: Record<AuthorKind, string> = {
  client: 'Client',
  employee: 'AI employee',
  operator: 'Operator',
  system: 'System',
};

export function authorRole(kind: AuthorKind): string {
  return AUTHOR_ROLES[kind];
}

/** The share of a passage's relevance, as the "Knowledge used" list shows it. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) return '–';
  return score >= 10 ? score.toFixed(1) : score.toFixed(2);
}
