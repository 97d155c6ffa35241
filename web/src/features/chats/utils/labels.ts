import { i18n } from '@/lib/i18n';
import type { AuthorKind } from '../api/chat-schemas';

const KNOWN_SOURCES = ['playground', 'telegram', 'widget'] as const;
type KnownSource = (typeof KNOWN_SOURCES)[number];

function isKnownSource(source: string): source is KnownSource {
  return (KNOWN_SOURCES as readonly string[]).includes(source);
}

/** A chat's source as people read it; an unknown one (a newer server) as the server names it. */
export function sourceLabel(source: string): string {
  return isKnownSource(source) ? i18n.t(`chats:source.${source}`) : source;
}

/** The sources the Chats filter offers. */
export const SOURCE_OPTIONS: readonly KnownSource[] = ['playground'];

export function authorRole(kind: AuthorKind): string {
  return i18n.t(`chats:role.${kind}`);
}

/** The share of a passage's relevance, as the "Knowledge used" list shows it. */
export function formatScore(score: number, locale: string): string {
  if (!Number.isFinite(score)) return '–';
  const digits = score >= 10 ? 1 : 2;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(score);
}
